package dev.ormadvisor.audit;

import dev.ormadvisor.transparency.NoteSigner;
import java.util.regex.Pattern;

/**
 * The log this instance appends to: its url-safe {@code id}, its {@code origin} (the first line of its
 * checkpoints, {@code <advisor.audit.origin>/<id>}) and the key that signs them.
 */
record LogIdentity(String id, String origin, NoteSigner signer) {

    static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The log that holds the records of the hash chain the first release kept; nothing appends to it. */
    static final String SEALED_CHAIN = "chain-v1";

    LogIdentity {
        if (!URL_SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("advisor.audit.log-id must be 1 to 64 of A-Z a-z 0-9 . _ -, not '"
                    + id + "'");
        }
    }

    static LogIdentity of(String id, String originPrefix, NoteSigner signer) {
        return new LogIdentity(id, originOf(originPrefix, id), signer);
    }

    static String originOf(String originPrefix, String id) {
        return originPrefix + "/" + id;
    }

    /**
     * An instance id as a log id: characters a URL path would need escaped become {@code -}. Two instance ids that
     * differ only there share a log id; the conditional update of the log's size then refuses the second writer.
     */
    static String fromInstanceId(String instanceId) {
        String safe = instanceId.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
