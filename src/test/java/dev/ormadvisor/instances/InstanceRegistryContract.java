package dev.ormadvisor.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ormadvisor.engine.RuleBaseCheck;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleBaseInService;
import dev.ormadvisor.instances.InstancesOverview.InstanceView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each instance keeps its own row of the registry current, and any instance reads them all: the same on every
 * store. The heartbeats here beat once an hour, so whatever shows up sooner was recorded at start, at a reload or
 * at the stop.
 */
abstract class InstanceRegistryContract {

    private static final Duration RARELY = Duration.ofHours(1);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    /** A tiny rule set, quick to compile (the web tests' fixture). */
    private static final Path TINY_RULES = Path.of("src/test/resources/web-rules");

    @TempDir
    Path rulesDir;

    private HikariDataSource pool;
    private InstanceRegistry registry;
    private RuleBaseInService rules;

    /** A new connection pool to the contract's database. */
    abstract HikariDataSource newPool();

    @BeforeEach
    void freshRegistryAndRules() throws Exception {
        pool = newPool();
        Flyway.configure().dataSource(pool).load().migrate();
        new JdbcTemplate(pool).update("DELETE FROM advisor_instance");
        registry = new InstanceRegistry(new JdbcTemplate(pool), Clock.systemUTC());
        for (String file : new String[] {"fixture.drl", "statements.yaml"}) {
            Files.copy(TINY_RULES.resolve(file), rulesDir.resolve(file));
        }
        rules = new RuleBaseInService(rulesDir, new RuleBaseCompiler(100), RuleBaseCheck.NONE, Clock.systemUTC());
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void anInstanceIsListedLiveFromItsStartWithTheRuleSetItServes() throws Exception {
        try (InstanceHeartbeat ignored = start("replica-a")) {
            InstanceView listed = await("replica-a", instance -> true);

            assertThat(listed.status()).isEqualTo(InstanceStatus.LIVE);
            assertThat(listed.host()).isEqualTo(InstanceIdentity.of("replica-a").host());
            assertThat(listed.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(listed.rulesVersion()).isEqualTo(rules.current().version());
            assertThat(listed.rulesInServiceSince()).isEqualTo(truncatedToMillis(rules.lastReload().at()));
            assertThat(listed.lastReload()).isEqualTo(new InstancesOverview.ReloadSummary(
                    truncatedToMillis(rules.lastReload().at()), true, 0));
            assertThat(listed.onLatestRules()).isTrue();
        }
    }

    @Test
    void aReloadIsRecordedAtOnceRatherThanAtTheNextHeartbeat() throws Exception {
        try (InstanceHeartbeat ignored = start("replica-a")) {
            String before = await("replica-a", instance -> true).rulesVersion();

            Files.writeString(rulesDir.resolve("note.drl"), "package dev.ormadvisor.webfixture;\n");
            String after = rules.reload().version();

            assertThat(after).isNotEqualTo(before);
            InstanceView listed = await("replica-a", instance -> instance.rulesVersion().equals(after));
            assertThat(listed.rulesInServiceSince()).isEqualTo(truncatedToMillis(rules.lastReload().at()));
        }
    }

    @Test
    void aRejectedReloadShowsWithItsErrorCountWhileTheLastGoodVersionStaysInService() throws Exception {
        try (InstanceHeartbeat ignored = start("replica-a")) {
            InstanceView before = await("replica-a", instance -> true);

            Files.writeString(rulesDir.resolve("broken.drl"), "package dev.ormadvisor.webfixture;\nrule \"unfinished\"");
            rules.reload();

            InstanceView listed = await("replica-a", instance -> !instance.lastReload().ok());
            assertThat(listed.lastReload().errorCount()).isPositive();
            assertThat(listed.rulesVersion()).isEqualTo(before.rulesVersion());
            assertThat(listed.rulesInServiceSince()).isEqualTo(before.rulesInServiceSince());
        }
    }

    @Test
    void aGracefulStopReadsStoppedAndARestartUnderTheSameIdIsLiveAgain() throws Exception {
        InstanceView first;
        try (InstanceHeartbeat ignored = start("replica-a")) {
            first = await("replica-a", instance -> true);
        }
        assertThat(listed("replica-a")).get().extracting(InstanceView::status).isEqualTo(InstanceStatus.STOPPED);

        try (InstanceHeartbeat ignored = start("replica-a")) {
            InstanceView restarted = await("replica-a", instance -> instance.status() == InstanceStatus.LIVE);

            assertThat(restarted.startedAt()).isAfterOrEqualTo(first.startedAt());
            assertThat(registry.overview().instances()).hasSize(1);
        }
    }

    @Test
    void anInstanceThatStopsBeatingWithoutStoppingReadsSilentAfterThreeOfItsHeartbeats() throws Exception {
        try (InstanceHeartbeat ignored = start("replica-a")) {
            InstanceView listed = await("replica-a", instance -> true);
            Duration threeHeartbeats = RARELY.multipliedBy(3);

            assertThat(statusAt(listed.lastSeen().plus(threeHeartbeats))).isEqualTo(InstanceStatus.LIVE);
            assertThat(statusAt(listed.lastSeen().plus(threeHeartbeats).plusMillis(1)))
                    .isEqualTo(InstanceStatus.SILENT);
        }
    }

    @Test
    void everyInstanceSeesTheOthersAndInstancesUnseenForADayAreForgotten() throws Exception {
        Instant longAgo = Instant.now().minus(FORGET_AFTER).minusSeconds(60);
        registry.record(new AdvisorInstance("gone", "old-host", 7, longAgo, RARELY, "v0", longAgo, longAgo, true, 0,
                longAgo, null));

        try (InstanceHeartbeat a = start("replica-a"); InstanceHeartbeat b = start("replica-b")) {
            await("replica-a", instance -> true);
            await("replica-b", instance -> true);

            assertThat(registry.overview().instances()).extracting(InstanceView::id)
                    .containsExactly("replica-a", "replica-b");
        }
    }

    private InstanceHeartbeat start(String id) {
        return InstanceHeartbeat.start(InstanceIdentity.of(id), registry, rules, RARELY, FORGET_AFTER,
                Clock.systemUTC());
    }

    private InstanceStatus statusAt(Instant at) {
        return new InstanceRegistry(new JdbcTemplate(pool), Clock.fixed(at, Clock.systemUTC().getZone())).overview()
                .instances().get(0).status();
    }

    private Optional<InstanceView> listed(String id) {
        return registry.overview().instances().stream().filter(instance -> instance.id().equals(id)).findFirst();
    }

    /** Heartbeats are written off the caller's thread: waits a little for the row to meet {@code condition}. */
    private InstanceView await(String id, Predicate<InstanceView> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Optional<InstanceView> listed = listed(id);
        while (listed.filter(condition).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            listed = listed(id);
        }
        assertThat(listed).as("instance %s as expected in %s", id, registry.overview()).get().matches(condition);
        return listed.orElseThrow();
    }

    private static Instant truncatedToMillis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }
}
