package dev.ormadvisor.instances;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The instances sharing this database ({@code advisor_instance}), written by each one's heartbeat and readable by
 * every instance. The SQL is the same on SQLite and PostgreSQL.
 */
public final class InstanceRegistry {

    private static final String UPSERT = """
            INSERT INTO advisor_instance (id, host, pid, started_at_ms, heartbeat_ms, rules_version,
                rules_in_service_since_ms, last_reload_at_ms, last_reload_ok, last_reload_errors, last_seen_ms,
                stopped_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid,
                started_at_ms = excluded.started_at_ms, heartbeat_ms = excluded.heartbeat_ms,
                rules_version = excluded.rules_version, rules_in_service_since_ms = excluded.rules_in_service_since_ms,
                last_reload_at_ms = excluded.last_reload_at_ms, last_reload_ok = excluded.last_reload_ok,
                last_reload_errors = excluded.last_reload_errors, last_seen_ms = excluded.last_seen_ms,
                stopped_at_ms = NULL""";

    private static final RowMapper<AdvisorInstance> ROW = (rs, row) -> new AdvisorInstance(rs.getString("id"),
            rs.getString("host"), rs.getLong("pid"), Instant.ofEpochMilli(rs.getLong("started_at_ms")),
            Duration.ofMillis(rs.getLong("heartbeat_ms")), rs.getString("rules_version"),
            Instant.ofEpochMilli(rs.getLong("rules_in_service_since_ms")),
            Instant.ofEpochMilli(rs.getLong("last_reload_at_ms")), rs.getBoolean("last_reload_ok"),
            rs.getInt("last_reload_errors"), Instant.ofEpochMilli(rs.getLong("last_seen_ms")),
            rs.getObject("stopped_at_ms") == null ? null : Instant.ofEpochMilli(rs.getLong("stopped_at_ms")));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InstanceRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every instance, in id order, with its status as of now. */
    public InstancesOverview overview() {
        return InstancesOverview.of(all(), clock.instant());
    }

    List<AdvisorInstance> all() {
        return jdbc.query("SELECT * FROM advisor_instance ORDER BY id", ROW);
    }

    /** A restart under the same id replaces the row: a new start, no longer stopped. */
    void record(AdvisorInstance instance) {
        jdbc.update(UPSERT, instance.id(), instance.host(), instance.pid(), instance.startedAt().toEpochMilli(),
                instance.heartbeat().toMillis(), instance.rulesVersion(),
                instance.rulesInServiceSince().toEpochMilli(), instance.lastReloadAt().toEpochMilli(),
                instance.lastReloadOk(), instance.lastReloadErrors(), instance.lastSeen().toEpochMilli());
    }

    /**
     * Only the run that started at {@code startedAt}: a process stopping late must not mark stopped a newer run
     * under the same id.
     */
    void markStopped(String id, Instant startedAt, Instant at) {
        jdbc.update("UPDATE advisor_instance SET stopped_at_ms = ?, last_seen_ms = ? WHERE id = ? AND started_at_ms = ?",
                at.toEpochMilli(), at.toEpochMilli(), id, startedAt.toEpochMilli());
    }

    /** Instances not heard of since {@code cutoff} (stopped or silent) leave the list. */
    void forgetUnseenSince(Instant cutoff) {
        jdbc.update("DELETE FROM advisor_instance WHERE last_seen_ms < ?", cutoff.toEpochMilli());
    }
}
