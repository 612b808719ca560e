package dev.ormadvisor.instances;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Every instance on the database and whether they agree on the rules: {@code latestRulesVersion} is the version
 * that most recently went into service on a live instance (after an edit of the shared folder, the new one), and
 * an instance serving anything else is not {@code onLatestRules}: stuck on an old version, or on a broken edit
 * the others did not see. {@code null} while no instance is live.
 */
public record InstancesOverview(String latestRulesVersion, boolean allLiveOnLatestRules,
        List<InstanceView> instances) {

    static InstancesOverview of(List<AdvisorInstance> instances, Instant now) {
        String latest = instances.stream().filter(instance -> instance.statusAt(now) == InstanceStatus.LIVE)
                .max(Comparator.comparing(AdvisorInstance::rulesInServiceSince))
                .map(AdvisorInstance::rulesVersion).orElse(null);
        List<InstanceView> views = instances.stream().map(instance -> InstanceView.of(instance, now, latest))
                .toList();
        return new InstancesOverview(latest, views.stream().filter(view -> view.status() == InstanceStatus.LIVE)
                .allMatch(InstanceView::onLatestRules), views);
    }

    /** One instance as an operator needs to see it. */
    public record InstanceView(String id, String host, long pid, InstanceStatus status, Instant startedAt,
            Instant lastSeen, String rulesVersion, Instant rulesInServiceSince, boolean onLatestRules,
            ReloadSummary lastReload) {

        static InstanceView of(AdvisorInstance instance, Instant now, String latestRulesVersion) {
            return new InstanceView(instance.id(), instance.host(), instance.pid(), instance.statusAt(now),
                    instance.startedAt(), instance.lastSeen(), instance.rulesVersion(),
                    instance.rulesInServiceSince(), instance.rulesVersion().equals(latestRulesVersion),
                    new ReloadSummary(instance.lastReloadAt(), instance.lastReloadOk(), instance.lastReloadErrors()));
        }
    }

    /** The instance's last attempt to load the rules folder; its errors are in its own /api/v1/rules/status. */
    public record ReloadSummary(Instant at, boolean ok, int errorCount) {
    }
}
