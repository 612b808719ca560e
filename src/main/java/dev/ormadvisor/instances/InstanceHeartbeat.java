package dev.ormadvisor.instances;

import dev.ormadvisor.engine.ReloadOutcome;
import dev.ormadvisor.engine.RuleBaseInService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.lang3.concurrent.BasicThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's row in the registry current: at start, every {@code interval}, and at once after every
 * reload attempt, so that a rule set going into service (or a rejected edit) shows in the registry without waiting
 * for the next beat. A graceful close marks the row stopped.
 *
 * <p>Beats run one at a time on a thread of their own, off the request and reload paths; the state below is only
 * touched there. A beat that fails (database unreachable) is logged once and retried at the next one.
 */
public final class InstanceHeartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final InstanceIdentity identity;
    private final InstanceRegistry registry;
    private final RuleBaseInService rules;
    private final Duration interval;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Instant startedAt;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            BasicThreadFactory.builder().namingPattern("instance-heartbeat").daemon(true).build());
    private Instant rulesInServiceSince;
    private boolean failing;

    private InstanceHeartbeat(InstanceIdentity identity, InstanceRegistry registry, RuleBaseInService rules,
            Duration interval, Duration forgetAfter, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("advisor.instance.heartbeat must be positive, not " + interval);
        }
        this.identity = identity;
        this.registry = registry;
        this.rules = rules;
        this.interval = interval;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Beats at once, after every reload attempt, and every {@code interval} until closed. */
    public static InstanceHeartbeat start(InstanceIdentity identity, InstanceRegistry registry,
            RuleBaseInService rules, Duration interval, Duration forgetAfter, Clock clock) {
        InstanceHeartbeat heartbeat = new InstanceHeartbeat(identity, registry, rules, interval, forgetAfter, clock);
        // Told at once about the load that put the rule set in service: that is the first beat, and it sets
        // rulesInServiceSince before any scheduled beat runs on the same single thread.
        rules.onReload(heartbeat::reloaded);
        heartbeat.beats.scheduleWithFixedDelay(heartbeat::beat, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    private void reloaded(ReloadOutcome outcome) {
        try {
            beats.execute(() -> {
                if (outcome.ok()) {
                    rulesInServiceSince = outcome.at();
                }
                beat();
            });
        } catch (RejectedExecutionException closed) {
            // the instance is stopping: its row says so already, or will
        }
    }

    /** Never throws: an exception would cancel every later beat of the schedule. */
    private void beat() {
        Instant now = clock.instant();
        ReloadOutcome last = rules.lastReload();
        try {
            registry.record(new AdvisorInstance(identity.id(), identity.host(), identity.pid(), startedAt, interval,
                    rules.current().version(), rulesInServiceSince, last.at(), last.ok(), last.errors().size(),
                    now, null));
            registry.forgetUnseenSince(now.minus(forgetAfter));
            if (failing) {
                log.info("Instance {} is recorded in the registry again", identity.id());
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Instance {} could not record its heartbeat; trying again every {}: {}", identity.id(),
                        interval, e.getMessage());
                failing = true;
            }
        }
    }

    /** Stops beating, then marks this run stopped, so that it reads STOPPED rather than falling SILENT. */
    @Override
    public void close() throws InterruptedException {
        beats.shutdown();
        beats.awaitTermination(10, TimeUnit.SECONDS);
        try {
            registry.markStopped(identity.id(), startedAt, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Instance {} could not mark itself stopped; it will read SILENT: {}", identity.id(),
                    e.getMessage());
        }
    }
}
