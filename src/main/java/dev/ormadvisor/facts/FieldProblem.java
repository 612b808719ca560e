package dev.ormadvisor.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with a facts document (an API request body, a facts file), as listed in a problem's
 * {@code errors}. {@code field} is a dotted path with
 * list indexes ({@code leaning.reasons[1]}); the request body as a whole is the empty path {@code ""}.
 * {@code allowedValues} is only present for enum fields, {@code knownFields} only for an unknown field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String message, List<String> allowedValues, List<String> knownFields) {

    public static final String BODY = "";

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(field, message, null, null);
    }

    /** How the problem reads on its own, for a problem's {@code detail}. */
    public String describe() {
        return field.isEmpty() ? "The request body " + message : "Field '" + field + "' " + message;
    }
}
