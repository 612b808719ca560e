package dev.ormadvisor.evaluation;

import dev.ormadvisor.evaluation.EvaluationReport.VerdictView;

/**
 * One single-fact change that changes the verdict's choice: {@code fact} is the dotted path of the fact
 * ({@code project.framework}), {@code from} its value in the facts as given ({@code null} = unknown), {@code to}
 * the value tried, and {@code verdict} what the same rule set answers then. For {@code leaning.reasons} both values
 * are the whole list of reasons.
 */
public record VerdictFlip(String fact, Object from, Object to, VerdictView verdict) {
}
