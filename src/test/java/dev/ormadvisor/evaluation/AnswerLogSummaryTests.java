package dev.ormadvisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.conclusions.Choice;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Operators read one line per interval about the answers given, not one line per answer. */
@ExtendWith(OutputCaptureExtension.class)
class AnswerLogSummaryTests {

    private static final String SUMMARY = "Answered ";

    @Test
    void saysHowManyEvaluationsWereAnsweredInTheIntervalByVerdict(CapturedOutput output) {
        try (AnswerLogSummary summary = new AnswerLogSummary(Duration.ofHours(1))) {
            summary.answered(Choice.DJANGO_ORM);
            summary.answered(Choice.SQLALCHEMY);
            summary.answered(Choice.DJANGO_ORM);

            summary.logSummary();

            assertThat(output.getAll()).contains(
                    "Answered 3 evaluations in the last 3600s (DJANGO_ORM 2, SQLALCHEMY 1, NO_CLEAR_WINNER 0)");
        }
    }

    @Test
    void startsEachIntervalFromZeroAndSaysNothingAfterAQuietOne(CapturedOutput output) {
        try (AnswerLogSummary summary = new AnswerLogSummary(Duration.ofHours(1))) {
            summary.answered(Choice.NO_CLEAR_WINNER);
            summary.logSummary();
            summary.logSummary();

            assertThat(output.getAll().lines().filter(line -> line.contains(SUMMARY))).hasSize(1);
        }
    }

    @Test
    void writesItsLineOnItsOwnEveryInterval(CapturedOutput output) throws InterruptedException {
        try (AnswerLogSummary summary = new AnswerLogSummary(Duration.ofMillis(50))) {
            summary.answered(Choice.SQLALCHEMY);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!output.getAll().contains("Answered 1 evaluations") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(output.getAll()).contains("Answered 1 evaluations in the last 50ms (DJANGO_ORM 0, SQLALCHEMY 1");
        }
    }

    @Test
    void givesTheAnswersOfTheLastIntervalWhenTheServiceStops(CapturedOutput output) {
        AnswerLogSummary summary = new AnswerLogSummary(Duration.ofHours(1));
        summary.answered(Choice.SQLALCHEMY);

        summary.close();

        assertThat(output.getAll()).contains("Answered 1 evaluations in the last 3600s");
    }
}
