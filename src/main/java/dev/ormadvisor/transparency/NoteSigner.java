package dev.ormadvisor.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Signs note bodies with an Ed25519 key, as C2SP signed-note lines under one key name. */
public final class NoteSigner {

    /** U+2014 EM DASH and a space: how every signature line starts. */
    static final String SIGNATURE_LINE_START = "\u2014 ";

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private NoteSigner(PrivateKey privateKey, VerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    public static NoteSigner of(String keyName, PrivateKey ed25519Private) {
        NoteSyntax.requireKeyName(keyName);
        return new NoteSigner(ed25519Private, VerifierKey.of(keyName, publicKeyOf(ed25519Private)));
    }

    /** From a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as {@code openssl genpkey -algorithm ed25519} writes. */
    public static NoteSigner fromPkcs8Pem(String keyName, String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("a PKCS#8 PEM private key lies between " + PEM_BEGIN + " and "
                    + PEM_END);
        }
        String base64 = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(NoteSyntax.base64(base64, "the PEM private key")));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("the PEM private key is not an Ed25519 PKCS#8 key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform implements Ed25519", e);
        }
        return of(keyName, key);
    }

    /** A fresh Ed25519 private key as PKCS#8 PEM. */
    public static String generatePkcs8Pem() {
        byte[] pkcs8 = keyPairGenerator().generateKeyPair().getPrivate().getEncoded();
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8) + "\n"
                + PEM_END + "\n";
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** {@code body} (ending in a newline), a blank line, then this key's signature line over the body. */
    public String sign(String body) {
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a note body ends with a newline");
        }
        NoteSyntax.requireNoControlCharacters(body, "the note body");
        byte[] signature;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(body.getBytes(StandardCharsets.UTF_8));
            signature = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key checked at construction failed to sign", e);
        }
        byte[] idAndSignature = new byte[VerifierKey.KEY_ID_SIZE + signature.length];
        System.arraycopy(verifierKey.keyId(), 0, idAndSignature, 0, VerifierKey.KEY_ID_SIZE);
        System.arraycopy(signature, 0, idAndSignature, VerifierKey.KEY_ID_SIZE, signature.length);
        return body + "\n" + SIGNATURE_LINE_START + verifierKey.name() + " "
                + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
    }

    /**
     * JDK 17 has no call from an Ed25519 private key to its public key, and PKCS#8 v1 files (what the JDK and
     * OpenSSL write) do not carry it. But the JDK's Ed25519 key pair generator draws the 32-byte private key from
     * its SecureRandom and derives the public key from it (RFC 8032 section 5.1.5): given the private key's own
     * bytes as its randomness, it returns that key's pair. The generated private key is compared with the given
     * one, so a JDK that drew its randomness differently would fail here rather than sign under a wrong key id.
     */
    private static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey)
                || !NamedParameterSpec.ED25519.getName().equalsIgnoreCase(((EdECPrivateKey) key).getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
        }
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key does not reveal its bytes"));
        KeyPairGenerator generator = keyPairGenerator();
        try {
            generator.initialize(NamedParameterSpec.ED25519, new Replay(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform implements Ed25519", e);
        }
        KeyPair pair = generator.generateKeyPair();
        byte[] regenerated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
        if (!Arrays.equals(regenerated, seed)) {
            throw new IllegalStateException("this JDK's Ed25519 key pair generator does not derive the public key"
                    + " from the bytes it draws, so it cannot recover the public key of a private key");
        }
        return pair.getPublic();
    }

    private static KeyPairGenerator keyPairGenerator() {
        try {
            return KeyPairGenerator.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform implements Ed25519", e);
        }
    }

    /** "Randomness" that is the given private key, once. */
    private static final class Replay extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final byte[] seed;
        private boolean used;

        Replay(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the key pair generator asked for other bytes than one private key");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
