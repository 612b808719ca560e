package dev.ormadvisor.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A C2SP signed-note Ed25519 verifier key, written {@code <name>+<key id as 8 hex digits>+<base64(0x01 || public
 * key)>}. The key id is always the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}: Go's
 * note package refuses any other, and so does this record.
 */
public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

    /** The signed-note signature type of Ed25519. */
    static final byte ED25519 = 0x01;
    static final int KEY_ID_SIZE = 4;
    static final int PUBLIC_KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    /** X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410) up to the raw key, which ends it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}");

    public VerifierKey {
        NoteSyntax.requireKeyName(name);
        keyId = NoteSyntax.requireLength(keyId, KEY_ID_SIZE, "a key id");
        publicKey = NoteSyntax.requireLength(publicKey, PUBLIC_KEY_SIZE, "an Ed25519 public key");
        byte[] expected = keyId(name, publicKey);
        if (!Arrays.equals(keyId, expected)) {
            throw new IllegalArgumentException("key id " + HexFormat.of().formatHex(keyId) + " of '" + name
                    + "' is not the hash of its name and public key, which is " + HexFormat.of().formatHex(expected));
        }
    }

    /** Reads {@code <name>+<8 hex>+<base64(0x01||pub)>}. */
    public static VerifierKey parse(String encoded) {
        // The name has no '+' but the base64 may: only the first two separate fields.
        String[] fields = encoded.split("\\+", 3);
        if (fields.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key id>+<base64 key>, but '" + encoded
                    + "' has " + fields.length + " field(s)");
        }
        if (!NoteSyntax.isKeyName(fields[0])) {
            throw new IllegalArgumentException("verifier key name '" + fields[0]
                    + "' must be non-empty and without spaces");
        }
        if (!KEY_ID.matcher(fields[1]).matches()) {
            throw new IllegalArgumentException("verifier key id '" + fields[1] + "' is not 8 hex digits");
        }
        byte[] key = NoteSyntax.base64(fields[2], "the verifier key's public key");
        if (key.length == 0 || key[0] != ED25519) {
            throw new IllegalArgumentException("verifier key '" + fields[0] + "' is not an Ed25519 key (type byte "
                    + (key.length == 0 ? "missing" : String.format("0x%02x", key[0])) + ", Ed25519 is 0x01)");
        }
        if (key.length != 1 + PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("verifier key '" + fields[0] + "' has a public key of "
                    + (key.length - 1) + " bytes; Ed25519 keys have " + PUBLIC_KEY_SIZE);
        }
        return new VerifierKey(fields[0], HexFormat.of().parseHex(fields[1]),
                Arrays.copyOfRange(key, 1, key.length));
    }

    public static VerifierKey of(String name, PublicKey ed25519) {
        byte[] encoded = ed25519.getEncoded();
        boolean isEd25519 = encoded != null && encoded.length == X509_PREFIX.length + PUBLIC_KEY_SIZE
                && Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length);
        if (!isEd25519) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + ed25519.getAlgorithm());
        }
        byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
        return new VerifierKey(name, keyId(name, raw), raw);
    }

    public String encoded() {
        byte[] typed = new byte[1 + PUBLIC_KEY_SIZE];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, PUBLIC_KEY_SIZE);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(javaPublicKey());
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (InvalidKeyException | InvalidKeySpecException | SignatureException e) {
            // Bytes that are no point on the curve verify nothing.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform implements Ed25519", e);
        }
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    // Value semantics: a record compares and hashes its array components by identity.
    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key && name.equals(key.name) && Arrays.equals(keyId, key.keyId)
                && Arrays.equals(publicKey, key.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }

    static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest sha256 = MerkleHash.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(ED25519);
        return Arrays.copyOf(sha256.digest(publicKey), KEY_ID_SIZE);
    }

    private PublicKey javaPublicKey() throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_SIZE);
        System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, PUBLIC_KEY_SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
