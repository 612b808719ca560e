package dev.ormadvisor.facts;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns a JSON reading failure into a {@link FieldProblem} a client can act on. Jackson's own messages name Java
 * classes and internals, so they are never passed on: every message here is written for whoever wrote the facts
 * (the API's client, the author of a facts file).
 */
public final class JsonInputProblems {

    private static final Pattern DUPLICATE_PROPERTY = Pattern.compile("Duplicate Object property \"(.*?)\"");

    private JsonInputProblems() {
    }

    public static FieldProblem of(JacksonException error) {
        return of(error, null);
    }

    /**
     * With the parser that was reading: a parser limit (number length, nesting depth) throws without naming its
     * parser, and only the parser knows how far into the document it had got.
     */
    public static FieldProblem of(JacksonException error, JsonParser reading) {
        JsonParser parser = error.processor() instanceof JsonParser own ? own : reading;
        String field = path(error, parser);
        if (error instanceof PropertyBindingException unknown) {
            return new FieldProblem(field, "is not a known field", null, names(unknown.getKnownPropertyIds()));
        }
        if (error instanceof InvalidNullException) {
            return FieldProblem.of(field, "must not be null");
        }
        if (error instanceof MismatchedInputException mismatch) {
            return mismatch(field, mismatch.getTargetType());
        }
        if (error instanceof InputCoercionException) {
            return FieldProblem.of(field, "is a number out of range");
        }
        if (error instanceof JacksonIOException) {
            return FieldProblem.of(field, "is not JSON text in UTF-8");
        }
        if (error instanceof StreamConstraintsException) {
            return FieldProblem.of(field, limitExceeded(error.getOriginalMessage()));
        }
        if (error instanceof StreamReadException) {
            Matcher duplicate = DUPLICATE_PROPERTY.matcher(Objects.toString(error.getOriginalMessage(), ""));
            if (duplicate.find()) {
                return FieldProblem.of(join(objectPath(error, parser), duplicate.group(1)),
                        "appears more than once in the same object");
            }
            return FieldProblem.of(field, "holds malformed JSON" + where(error.getLocation()));
        }
        return FieldProblem.of(field, "could not be read");
    }

    private static FieldProblem mismatch(String field, Class<?> target) {
        if (field.isEmpty()) {
            return FieldProblem.of(field, "must be exactly one JSON object");
        }
        if (target != null && target.isEnum()) {
            List<String> allowed = Arrays.stream(target.getEnumConstants()).map(constant -> ((Enum<?>) constant)
                    .name()).toList();
            return new FieldProblem(field, "must be one of " + String.join(", ", allowed) + " (case-sensitive)",
                    allowed, null);
        }
        return FieldProblem.of(field, expected(target));
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String limitExceeded(String message) {
        String text = Objects.toString(message, "");
        if (text.contains("nesting depth")) {
            return "is nested more than " + FactsJson.MAX_NESTING_DEPTH + " levels deep";
        }
        if (text.contains("Number value length")) {
            return "holds a number longer than " + FactsJson.MAX_NUMBER_DIGITS + " characters";
        }
        if (text.contains("String value length")) {
            return "holds a string longer than " + FactsJson.MAX_STRING_CHARS + " characters";
        }
        return "exceeds the limits on JSON documents";
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * Dotted property names with {@code [i]} for list elements, e.g. {@code leaning.reasons[1]}. A parser-level
     * failure (a number too long, broken syntax) happens while the token after a property name is read, before
     * the binding has descended into that property, so its binding path stops one level short: the parser's own
     * position is then the better answer.
     */
    private static String path(JacksonException error, JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        boolean whileParsing = error instanceof StreamReadException || error instanceof StreamConstraintsException;
        if (whileParsing && parser != null) {
            String position = position(parser.streamReadContext());
            if (position.length() > path.length()) {
                return position;
            }
        }
        return path.toString();
    }

    /** The path of the object the parser was in when it failed; the binding path may be one level short. */
    private static String objectPath(JacksonException error, JsonParser parser) {
        if (parser != null && parser.streamReadContext() != null) {
            return position(parser.streamReadContext().getParent());
        }
        return path(error, parser);
    }

    private static String position(TokenStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = position(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        return context.currentName() == null ? parent : join(parent, context.currentName());
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static List<String> names(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
    }
}
