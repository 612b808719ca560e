package dev.ormadvisor.transparency;

import java.util.Arrays;
import java.util.Base64;

/** The lexical rules of C2SP signed-note and tlog-checkpoint that several types here share. */
final class NoteSyntax {

    private NoteSyntax() {
    }

    /** Non-empty, no Unicode space, no {@code +}: the {@code +} separates a verifier key's fields. */
    static boolean isKeyName(String name) {
        return name != null && !name.isEmpty()
                && name.codePoints().noneMatch(c -> c == '+' || c == 0x85 || c < 0x20 || Character.isWhitespace(c)
                        || Character.isSpaceChar(c));
    }

    static String requireKeyName(String name) {
        if (!isKeyName(name)) {
            throw new IllegalArgumentException("a key name must be non-empty, without spaces or '+', but got '"
                    + name + "'");
        }
        return name;
    }

    /** Signed notes may hold no ASCII control character but the newline. */
    static void requireNoControlCharacters(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException(what + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at offset " + i);
            }
        }
    }

    /**
     * Standard base64 with its padding, and nothing that decodes the same but encodes differently: two texts for
     * one value would let a signed note be altered without breaking its signature lines' meaning.
     */
    static byte[] base64(String encoded, String what) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw new IllegalArgumentException(what + " is not canonical padded base64: '" + encoded + "'");
        }
        return decoded;
    }

    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException(what + " must be " + MerkleHash.SIZE + " bytes, but got "
                    + (hash == null ? "none" : hash.length));
        }
        return hash.clone();
    }

    static byte[] requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, but got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return Arrays.copyOf(bytes, length);
    }
}
