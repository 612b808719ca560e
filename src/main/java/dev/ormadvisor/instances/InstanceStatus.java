package dev.ormadvisor.instances;

/** What the registry can tell of an instance from its last heartbeat. */
public enum InstanceStatus {

    /** Its last heartbeat is at most three of its heartbeat intervals old. */
    LIVE,
    /** It missed three heartbeats without saying it stops: killed, hung or cut off from the database. */
    SILENT,
    /** It stopped gracefully and said so. */
    STOPPED;

    static final int SILENT_AFTER_MISSED_HEARTBEATS = 3;
}
