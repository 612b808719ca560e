package dev.ormadvisor.transparency;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-checkpoint body: the log's origin, its tree size and root hash, then optional extension lines. Signed
 * as a {@link SignedNote}, it is the log's commitment to its whole history at that size.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** Decimal without leading zeroes, so one size has one text. */
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]*");

    public Checkpoint {
        requireLine(origin, "the origin");
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative, but got " + size);
        }
        rootHash = NoteSyntax.requireHash(rootHash, "the root hash");
        extensions = List.copyOf(extensions);
        extensions.forEach(extension -> requireLine(extension, "an extension line"));
    }

    /** {@code origin\nsize\nbase64(root)\n} and one line per extension. */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(extension -> body.append(extension).append('\n'));
        return body.toString();
    }

    /** Strict: exactly the text {@link #body()} would write. */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        NoteSyntax.requireNoControlCharacters(body, "the checkpoint");
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has at least three lines (origin, tree size, root"
                    + " hash), and this one has " + lines.length);
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("the checkpoint's origin (line 1) is empty");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("the checkpoint's tree size (line 2) is not a decimal number without"
                    + " leading zeroes: '" + lines[1] + "'");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's tree size (line 2) is too large: " + lines[1]);
        }
        byte[] root = NoteSyntax.base64(lines[2], "the checkpoint's root hash (line 3)");
        if (root.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("the checkpoint's root hash (line 3) has " + root.length
                    + " bytes, not " + MerkleHash.SIZE);
        }
        List<String> extensions = List.of(lines).subList(3, lines.length);
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).isEmpty()) {
                throw new IllegalArgumentException("the checkpoint's extension line " + (i + 4) + " is empty");
            }
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    // Value semantics: a record compares and hashes its array components by identity.
    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint checkpoint && origin.equals(checkpoint.origin)
                && size == checkpoint.size && Arrays.equals(rootHash, checkpoint.rootHash)
                && extensions.equals(checkpoint.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", " | ") + "]";
    }

    private static void requireLine(String line, String what) {
        if (line == null || line.isEmpty() || line.contains("\n")) {
            throw new IllegalArgumentException(what + " is one non-empty line");
        }
        NoteSyntax.requireNoControlCharacters(line, what);
    }
}
