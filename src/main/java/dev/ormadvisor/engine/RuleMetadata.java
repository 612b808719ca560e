package dev.ormadvisor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The metadata tags every rule carries: {@code @statements("DJ-1", "DJ-2")}, {@code @kind("CHOOSE")} and
 * {@code @explanation("...")}, with what is missing or wrong about them.
 */
record RuleMetadata(List<String> statements, RuleKind kind, String explanation, List<Problem> problems) {

    static final String STATEMENTS = "statements";
    static final String KIND = "kind";
    static final String EXPLANATION = "explanation";

    static RuleMetadata of(Map<String, Object> tags) {
        List<Problem> problems = new ArrayList<>();
        List<String> statements = statementsOf(tags.get(STATEMENTS));
        if (statements.isEmpty()) {
            problems.add(new Problem(STATEMENTS, "has no @statements(\"KEY\") tag naming the article statement(s) it encodes",
                    "names no statement key"));
        }
        RuleKind kind = null;
        String kindText = text(tags.get(KIND));
        if (kindText.isEmpty()) {
            problems.add(new Problem(KIND, "has no @kind tag; use one of " + Arrays.toString(RuleKind.values()),
                    "has no kind; use one of " + Arrays.toString(RuleKind.values())));
        } else {
            try {
                kind = RuleKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(KIND, "has @kind(\"" + kindText + "\"); use one of "
                        + Arrays.toString(RuleKind.values()), "has kind " + kindText + "; use one of "
                        + Arrays.toString(RuleKind.values())));
            }
        }
        String explanation = text(tags.get(EXPLANATION));
        if (explanation.isEmpty()) {
            problems.add(new Problem(EXPLANATION,
                    "has no @explanation(\"...\") tag with a one-line plain-language explanation",
                    "has no explanation; write one plain-language line"));
        }
        return new RuleMetadata(statements, kind, explanation, problems);
    }

    /** Drools hands back {@code @statements("A", "B")} as the single string {@code "A", "B"}. */
    static List<String> statementsOf(Object value) {
        return Arrays.stream(text(value).split(","))
                .map(key -> key.replace("\"", "").strip())
                .filter(key -> !key.isEmpty())
                .distinct()
                .toList();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.strip();
    }

    /**
     * What is wrong with one tag, said twice: for a DRL rule ({@code inDrl}) and for a row of a decision table
     * ({@code inTable}), whose author writes cells, not tags.
     */
    record Problem(String tag, String inDrl, String inTable) {
    }
}
