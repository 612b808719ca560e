package dev.ormadvisor.evaluation;

import dev.ormadvisor.facts.FactsJson;
import dev.ormadvisor.facts.FieldProblem;
import dev.ormadvisor.facts.InvalidFactsException;
import dev.ormadvisor.facts.JsonInputProblems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a question's JSON becomes an {@link EvaluationRequest}, for the HTTP API and the {@code evaluate}
 * command alike: the strict binding of {@link FactsJson}, then the constraints on the facts (ranges, lengths).
 * Whatever the bytes, the outcome is a request or an {@link InvalidFactsException} whose problems name the
 * fields; the fuzz tests hold it to that.
 */
public final class EvaluationRequestReader {

    private final JsonMapper json = FactsJson.strictMapper();
    private final Validator validator;

    public EvaluationRequestReader(Validator validator) {
        this.validator = validator;
    }

    public EvaluationRequest read(byte[] document) {
        EvaluationRequest request;
        // The parser is ours so that a failure inside it can be placed: a parser limit (a number too long) throws
        // without saying where, and binding has not yet descended into the field being read.
        JsonParser parser = null;
        try {
            // Creating the parser reads too: it detects the encoding (and refuses UCS-4 byte orders it cannot read).
            parser = json.createParser(document);
            request = json.readValue(parser, EvaluationRequest.class);
        } catch (JacksonException e) {
            throw new InvalidFactsException(List.of(JsonInputProblems.of(e, parser)));
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
        if (request == null) {
            throw new InvalidFactsException(List.of(FieldProblem.of(FieldProblem.BODY,
                    "is empty or null: send a JSON object")));
        }
        if (!isUtf8(document)) {
            throw new InvalidFactsException(List.of(FieldProblem.of(FieldProblem.BODY,
                    "is not valid UTF-8 (an overlong or surrogate encoding)")));
        }
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(violation -> FieldProblem.of(path(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return request;
    }

    /**
     * The parser refuses broken UTF-8 where it finds it, naming the field, but decodes overlong and surrogate
     * encodings: the facts kept in the audit trail, the body as UTF-8 text, would then differ from what was read.
     */
    private static boolean isUtf8(byte[] document) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The API's field path, {@code leaning.reasons[1]}, not the validator's {@code reasons[1].<list element>}. */
    private static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }
}
