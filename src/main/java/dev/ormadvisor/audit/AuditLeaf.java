package dev.ormadvisor.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes an audit record commits to as a leaf of its log. Every stored field, in a fixed order, each as
 * {@code name SP byte-length LF value LF} ({@code name SP - LF} for a missing label): self-delimiting, so no
 * content of one field can pass for another, and readable with {@code cat}. The facts and the answer are the exact
 * texts received and sent; the time is epoch microseconds. Changing this format changes every leaf hash: it is
 * versioned by its first line.
 */
final class AuditLeaf {

    static final String FORMAT = "orm-advisor/audit-leaf/v1";

    private AuditLeaf() {
    }

    static byte[] bytes(AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entry.facts().length() + entry.answer().length());
        ascii(out, FORMAT + "\n");
        field(out, "id", entry.id());
        field(out, "evaluatedAtMicros", Long.toString(entry.evaluatedAtMicros()));
        field(out, "label", entry.label());
        field(out, "choice", entry.choice());
        field(out, "confidence", entry.confidence());
        field(out, "rulesVersion", entry.rulesVersion());
        field(out, "durationMicros", Long.toString(entry.durationMicros()));
        field(out, "facts", entry.facts());
        field(out, "answer", entry.answer());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String name, String value) {
        if (value == null) {
            ascii(out, name + " -\n");
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ascii(out, name + " " + bytes.length + "\n");
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
