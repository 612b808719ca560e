package dev.ormadvisor.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ormadvisor.instances.InstancesOverview.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What an operator reads off the registry: who is alive, and who serves a rule set the others have left. */
class InstancesOverviewTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    @Test
    void anInstanceHeardFromWithinThreeHeartbeatsIsLive() {
        assertThat(statusOf(instance("a", "v1", NOW.minusSeconds(60)).seen(NOW.minusSeconds(15))))
                .isEqualTo(InstanceStatus.LIVE);
    }

    @Test
    void anInstanceThatMissedThreeHeartbeatsWithoutStoppingIsSilent() {
        assertThat(statusOf(instance("a", "v1", NOW.minusSeconds(60)).seen(NOW.minusMillis(15_001))))
                .isEqualTo(InstanceStatus.SILENT);
    }

    @Test
    void anInstanceThatStoppedGracefullyIsStoppedHoweverRecent() {
        assertThat(statusOf(instance("a", "v1", NOW.minusSeconds(60)).stoppedAt(NOW.minusSeconds(1))))
                .isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void silenceIsJudgedByEachInstancesOwnHeartbeat() {
        Instance slow = instance("slow", "v1", NOW.minusSeconds(600)).seen(NOW.minusSeconds(60))
                .beatingEvery(Duration.ofSeconds(30));

        assertThat(statusOf(slow)).isEqualTo(InstanceStatus.LIVE);
    }

    @Test
    void theLatestRulesAreTheVersionMostRecentlyPutIntoServiceByALiveInstance() {
        InstancesOverview overview = overview(
                instance("a", "v2", NOW.minusSeconds(3)),
                instance("b", "v1", NOW.minusSeconds(600)),
                instance("c", "v3", NOW.minusSeconds(1)).seen(NOW.minusSeconds(600)));

        assertThat(overview.latestRulesVersion()).as("c is silent, so its v3 does not count").isEqualTo("v2");
        assertThat(overview.instances()).extracting(InstanceView::id, InstanceView::onLatestRules)
                .containsExactly(tuple("a", true),
                        tuple("b", false),
                        tuple("c", false));
        assertThat(overview.allLiveOnLatestRules()).as("b is live on an old version").isFalse();
    }

    @Test
    void liveInstancesOnOneVersionAgreeWhateverTheSilentOnesServe() {
        InstancesOverview overview = overview(
                instance("a", "v2", NOW.minusSeconds(3)),
                instance("b", "v2", NOW.minusSeconds(2)),
                instance("old", "v1", NOW.minusSeconds(900)).stoppedAt(NOW.minusSeconds(800)));

        assertThat(overview.latestRulesVersion()).isEqualTo("v2");
        assertThat(overview.allLiveOnLatestRules()).isTrue();
    }

    @Test
    void withNoLiveInstanceThereAreNoLatestRules() {
        InstancesOverview overview = overview(instance("a", "v1", NOW.minusSeconds(60)).stoppedAt(NOW));

        assertThat(overview.latestRulesVersion()).isNull();
        assertThat(overview.instances()).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(InstanceStatus.STOPPED);
            assertThat(view.onLatestRules()).isFalse();
        });
    }

    @Test
    void showsTheLastReloadOfEachInstance() {
        InstanceView view = overview(instance("a", "v1", NOW.minusSeconds(60)).rejectedAt(NOW.minusSeconds(5), 2))
                .instances().get(0);

        assertThat(view.lastReload()).isEqualTo(new InstancesOverview.ReloadSummary(NOW.minusSeconds(5), false, 2));
        assertThat(view.rulesVersion()).isEqualTo("v1");
    }

    private static InstanceStatus statusOf(Instance instance) {
        return overview(instance).instances().get(0).status();
    }

    private static InstancesOverview overview(Instance... instances) {
        return InstancesOverview.of(Stream.of(instances).map(Instance::row).toList(), NOW);
    }

    /** An instance serving {@code version} since {@code inServiceSince}, last seen now, beating every 5 s. */
    private static Instance instance(String id, String version, Instant inServiceSince) {
        return new Instance(id, version, inServiceSince);
    }

    private static final class Instance {

        private final String id;
        private final String version;
        private final Instant inServiceSince;
        private Instant lastSeen = NOW;
        private Duration heartbeat = HEARTBEAT;
        private Instant stoppedAt;
        private Instant lastReloadAt;
        private boolean lastReloadOk = true;
        private int lastReloadErrors;

        Instance(String id, String version, Instant inServiceSince) {
            this.id = id;
            this.version = version;
            this.inServiceSince = inServiceSince;
            this.lastReloadAt = inServiceSince;
        }

        Instance seen(Instant at) {
            lastSeen = at;
            return this;
        }

        Instance stoppedAt(Instant at) {
            lastSeen = at;
            stoppedAt = at;
            return this;
        }

        Instance beatingEvery(Duration interval) {
            heartbeat = interval;
            return this;
        }

        Instance rejectedAt(Instant at, int errors) {
            lastReloadAt = at;
            lastReloadOk = false;
            lastReloadErrors = errors;
            return this;
        }

        AdvisorInstance row() {
            return new AdvisorInstance(id, "host-" + id, 42, inServiceSince.minusSeconds(10), heartbeat, version,
                    inServiceSince, lastReloadAt, lastReloadOk, lastReloadErrors, lastSeen, stoppedAt);
        }
    }
}
