package dev.ormadvisor.audit;

import java.util.List;

/** One page of stored evaluations, newest first; {@code total} counts every match, not just this page. */
public record EvaluationPage(List<EvaluationSummary> items, int page, int size, long total) {
}
