package dev.ormadvisor.instances;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Who this process is among the instances that share one database: {@code id} names it in the registry and in its
 * health details, {@code host} and {@code pid} say where to find it.
 */
public record InstanceIdentity(String id, String host, long pid) {

    /** The width of {@code advisor_instance.id}. */
    static final int MAX_ID_LENGTH = 200;

    public InstanceIdentity {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("advisor.instance.id (ADVISOR_INSTANCE_ID) must be 1 to "
                    + MAX_ID_LENGTH + " characters, not '" + id + "'");
        }
    }

    /**
     * The configured id, or else host name + "-" + pid: unique among processes on one host, and among pods, whose
     * host name is the pod's name. A restarted instance keeps its row only with a configured id.
     */
    public static InstanceIdentity of(String configuredId) {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        boolean configured = configuredId != null && !configuredId.isBlank();
        return new InstanceIdentity(configured ? configuredId.strip() : host + "-" + pid, host, pid);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unresolvable) {
            return Objects.requireNonNullElse(System.getenv("HOSTNAME"), "localhost");
        }
    }
}
