package dev.ormadvisor.transparency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A C2SP signed note: a {@code body} ending in a newline, a blank line, then signature lines
 * {@code — <key name> <base64(key id || signature)>}. Signatures by keys the reader does not know are kept and
 * ignored, which is what lets witnesses add their cosignatures.
 */
public record SignedNote(String body, List<NoteSignature> signatures) {

    /** Go's note package refuses more; the specification asks verifiers to accept at least 16. */
    static final int MAX_SIGNATURES = 100;

    public SignedNote {
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a note body ends with a newline");
        }
        NoteSyntax.requireNoControlCharacters(body, "the note body");
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature line");
        }
    }

    public static SignedNote parse(String text) {
        NoteSyntax.requireNoControlCharacters(text, "the signed note");
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        // The body may contain blank lines: the last one separates it from the signatures.
        int blankLine = text.lastIndexOf("\n\n");
        if (blankLine < 0) {
            throw new IllegalArgumentException("a signed note has a blank line between its body and its signatures,"
                    + " and this one has none");
        }
        String body = text.substring(0, blankLine + 1);
        String[] lines = text.substring(blankLine + 2).split("\n");
        if (lines.length == 1 && lines[0].isEmpty()) {
            throw new IllegalArgumentException("a signed note has signature lines after its blank line, and this"
                    + " one has none");
        }
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_SIGNATURES
                    + " signatures, and this one has " + lines.length);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(signatureLine(lines[i], i + 1));
        }
        return new SignedNote(body, signatures);
    }

    /**
     * Whether a line with this key's name and id verifies over the body. A line with both that does not verify
     * spoils the note even next to one that does, as C2SP asks ("clients SHOULD reject the whole note") and Go
     * does: a log should never send a bad signature by its own key.
     */
    public boolean signedBy(VerifierKey key) {
        byte[] message = body.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> byKey = signatures.stream()
                .filter(signature -> signature.keyName().equals(key.name())
                        && Arrays.equals(signature.keyId, key.keyId()))
                .toList();
        return !byKey.isEmpty() && byKey.stream().allMatch(signature -> key.verifies(message, signature.signature));
    }

    private static NoteSignature signatureLine(String line, int number) {
        String where = "signature line " + number;
        if (!line.startsWith(NoteSigner.SIGNATURE_LINE_START)) {
            throw new IllegalArgumentException(where + " does not start with an em dash (U+2014) and a space: '"
                    + line + "'");
        }
        String rest = line.substring(NoteSigner.SIGNATURE_LINE_START.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException(where + " is not '\u2014 <key name> <base64 signature>': '" + line
                    + "'");
        }
        String name = rest.substring(0, space);
        if (!NoteSyntax.isKeyName(name)) {
            throw new IllegalArgumentException(where + " has the key name '" + name
                    + "', which is empty or has spaces or '+'");
        }
        byte[] idAndSignature = NoteSyntax.base64(rest.substring(space + 1), "the signature on " + where);
        if (idAndSignature.length <= VerifierKey.KEY_ID_SIZE) {
            throw new IllegalArgumentException(where + " holds " + idAndSignature.length
                    + " bytes, too few for a key id and a signature");
        }
        return new NoteSignature(name, Arrays.copyOf(idAndSignature, VerifierKey.KEY_ID_SIZE),
                Arrays.copyOfRange(idAndSignature, VerifierKey.KEY_ID_SIZE, idAndSignature.length));
    }

    /** One signature line: whose key (name and 4-byte id) and the signature bytes. */
    public record NoteSignature(String keyName, byte[] keyId, byte[] signature) {

        public NoteSignature {
            NoteSyntax.requireKeyName(keyName);
            keyId = NoteSyntax.requireLength(keyId, VerifierKey.KEY_ID_SIZE, "a key id");
            if (signature == null || signature.length == 0) {
                throw new IllegalArgumentException("a signature line has signature bytes");
            }
            signature = signature.clone();
        }

        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        // Value semantics: a record compares and hashes its array components by identity.
        @Override
        public boolean equals(Object other) {
            return other instanceof NoteSignature line && keyName.equals(line.keyName)
                    && Arrays.equals(keyId, line.keyId) && Arrays.equals(signature, line.signature);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * keyName.hashCode() + Arrays.hashCode(keyId)) + Arrays.hashCode(signature);
        }

        @Override
        public String toString() {
            return "NoteSignature[" + keyName + "+" + HexFormat.of().formatHex(keyId) + " "
                    + Base64.getEncoder().encodeToString(signature) + "]";
        }
    }
}
