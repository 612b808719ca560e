package dev.ormadvisor.evaluation;

import dev.ormadvisor.conclusions.Choice;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.lang3.concurrent.BasicThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * One INFO line per interval with how many evaluations were answered, by verdict, instead of one line per answer:
 * at a thousand answers a second a line each filled the disk with what the audit trail already holds, and cost the
 * request thread its formatting and write. Each answer's own line is DEBUG ({@code EvaluationService}).
 */
@Component
class AnswerLogSummary implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerLogSummary.class);

    private final Map<Choice, LongAdder> answeredByChoice = new EnumMap<>(Choice.class);
    private final Duration interval;
    private final ScheduledExecutorService timer;

    AnswerLogSummary(@Value("${advisor.log.summary-interval:60s}") Duration interval) {
        for (Choice choice : Choice.values()) {
            answeredByChoice.put(choice, new LongAdder());
        }
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                BasicThreadFactory.builder().namingPattern("answer-log-summary").daemon(true).build());
        timer.scheduleAtFixedRate(this::logSummary, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void answered(Choice choice) {
        answeredByChoice.get(choice).increment();
    }

    /** Logs and resets the counts since the last line; says nothing after an interval without answers. */
    void logSummary() {
        long total = 0;
        StringJoiner byChoice = new StringJoiner(", ");
        for (Map.Entry<Choice, LongAdder> answered : answeredByChoice.entrySet()) {
            long count = answered.getValue().sumThenReset();
            total += count;
            byChoice.add(answered.getKey() + " " + count);
        }
        if (total > 0) {
            log.info("Answered {} evaluations in the last {} ({})", total, DurationStyle.SIMPLE.print(interval,
                    interval.toMillis() % 1000 == 0 ? ChronoUnit.SECONDS : ChronoUnit.MILLIS), byChoice);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        logSummary();
    }
}
