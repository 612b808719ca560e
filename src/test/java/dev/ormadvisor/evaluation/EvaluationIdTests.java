package dev.ormadvisor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvaluationIdTests {

    private static final Instant NOON = Instant.parse("2026-11-24T12:00:00.123Z");

    @Test
    void isAVersion7UuidCarryingTheMillisecondOfTheEvaluation() {
        UUID id = UUID.fromString(Evaluation.timeOrderedId(NOON));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOON.toEpochMilli());
    }

    @Test
    void sortsLaterEvaluationsAfterEarlierOnesAsText() {
        String earlier = Evaluation.timeOrderedId(NOON);
        String later = Evaluation.timeOrderedId(NOON.plusMillis(1));

        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void differsForEvaluationsInTheSameMillisecond() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Evaluation.timeOrderedId(NOON));
        }

        assertThat(ids).hasSize(10_000);
    }
}
