package dev.ormadvisor.web;

import dev.ormadvisor.audit.EvaluationFilter;
import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.evaluation.EvaluationRequest;
import dev.ormadvisor.facts.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.util.MultiValueMap;

/**
 * Reads the filters of the audit endpoints from the text a client wrote, whether query parameters or fields of
 * the replay body. A value that cannot be used is a 400 naming the parameter: a filter silently dropped would
 * widen the result, and a value the database chokes on would be a 500.
 */
final class AuditParameters {

    static final Set<String> FILTERS = Set.of("statement", "choice", "rulesVersion", "label", "from", "to");

    private static final Pattern STORABLE = Pattern.compile(EvaluationRequest.STORABLE_TEXT);
    private static final List<String> CHOICES = Arrays.stream(Choice.values()).map(Choice::name).toList();
    // Four-digit years: what ISO-8601 writes without an expansion sign, and well inside epoch microseconds.
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private AuditParameters() {
    }

    /** Names outside {@code known} are refused rather than ignored: a misspelt filter would filter nothing. */
    static Map<String, String> single(MultiValueMap<String, String> parameters, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, given) -> {
            if (!known.contains(name)) {
                throw new InvalidParameterException(new FieldProblem(name, "is not a parameter of this endpoint",
                        null, known.stream().sorted().toList()));
            }
            if (given.size() > 1) {
                throw invalid(name, "is given " + given.size() + " times: give it once");
            }
            values.put(name, given.get(0));
        });
        return values;
    }

    static Set<String> filtersAnd(String... more) {
        return Set.copyOf(Stream.concat(FILTERS.stream(), Stream.of(more)).toList());
    }

    static EvaluationFilter filter(Map<String, String> given) {
        return filter(given.get("statement"), given.get("choice"), given.get("rulesVersion"), given.get("label"),
                given.get("from"), given.get("to"));
    }

    static EvaluationFilter filter(String statement, String choice, String rulesVersion, String label, String from,
            String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw invalid("to", "must not be before 'from'");
        }
        return new EvaluationFilter(text("statement", statement), choice(choice), text("rulesVersion", rulesVersion),
                text("label", label), start, end);
    }

    static int whole(String parameter, String text, int defaultValue, int min, int max) {
        if (text == null) {
            return defaultValue;
        }
        try {
            return within(parameter, Integer.valueOf(text), defaultValue, min, max);
        } catch (NumberFormatException e) {
            throw invalid(parameter, range(min, max));
        }
    }

    /** A required tree size or leaf index: a whole number from {@code min} to {@code max}. */
    static long treePosition(String parameter, String text, long min, long max) {
        if (text == null) {
            throw invalid(parameter, "is required");
        }
        String range = max < min ? "cannot be given: the log has no such position" : range(min, max);
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw invalid(parameter, range);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(parameter, range);
        }
    }

    static int within(String parameter, Integer value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw invalid(parameter, range(min, max));
        }
        return value;
    }

    private static String range(long min, long max) {
        return max == Integer.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max;
    }

    private static Choice choice(String text) {
        if (text == null) {
            return null;
        }
        if (!CHOICES.contains(text)) {
            throw new InvalidParameterException(new FieldProblem("choice",
                    "must be one of " + String.join(", ", CHOICES) + " (case-sensitive)", CHOICES, null));
        }
        return Choice.valueOf(text);
    }

    /** Compared in the database: a NUL there would be a server error instead of this parameter's fault. */
    private static String text(String parameter, String value) {
        if (value != null && !STORABLE.matcher(value).matches()) {
            throw invalid(parameter, EvaluationRequest.NOT_STORABLE);
        }
        return value;
    }

    private static Instant instant(String parameter, String text) {
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (!instant.isBefore(EARLIEST) && instant.isBefore(AFTER_LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // answered below, the same as an instant out of range
        }
        throw invalid(parameter, "must be an ISO-8601 instant with a four-digit year, such as 2026-11-24T10:15:30Z");
    }

    private static InvalidParameterException invalid(String parameter, String message) {
        return new InvalidParameterException(FieldProblem.of(parameter, message));
    }
}
