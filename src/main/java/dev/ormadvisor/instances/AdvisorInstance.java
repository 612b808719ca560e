package dev.ormadvisor.instances;

import java.time.Duration;
import java.time.Instant;

/** One row of {@code advisor_instance}: an instance as its last heartbeat (or its graceful stop) left it. */
record AdvisorInstance(String id, String host, long pid, Instant startedAt, Duration heartbeat, String rulesVersion,
        Instant rulesInServiceSince, Instant lastReloadAt, boolean lastReloadOk, int lastReloadErrors,
        Instant lastSeen, Instant stoppedAt) {

    /** Judged by the instance's own heartbeat interval, so instances configured differently are judged fairly. */
    InstanceStatus statusAt(Instant now) {
        if (stoppedAt != null) {
            return InstanceStatus.STOPPED;
        }
        Instant silentAfter = lastSeen.plus(heartbeat.multipliedBy(InstanceStatus.SILENT_AFTER_MISSED_HEARTBEATS));
        return now.isAfter(silentAfter) ? InstanceStatus.SILENT : InstanceStatus.LIVE;
    }
}
