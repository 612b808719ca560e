package dev.ormadvisor.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evident link: SHA-256 over the previous record's hash and every field of this record, each field
 * length-prefixed so that no two different records can serialize alike.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String previousHash, AuditEntry entry) {
        MessageDigest digest = sha256();
        for (Object field : new Object[] {previousHash, entry.seq(), entry.id(), entry.evaluatedAtMicros(),
                entry.label(), entry.choice(), entry.confidence(), entry.rulesVersion(), entry.durationMicros(),
                entry.facts(), entry.answer()}) {
            byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
            digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
