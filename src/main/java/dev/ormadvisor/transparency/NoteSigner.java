package dev.ormadvisor.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Signs note bodies with an Ed25519 key, as C2SP signed-note lines under one key name. */
public final class NoteSigner {

    /** U+2014 EM DASH and a space: how every signature line starts. */
    static final String SIGNATURE_LINE_START = "\u2014 ";

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    /** The 32-byte private key of RFC 8032 section 5.1.5, and the public key derived from it. */
    private final byte[] privateKey;
    private final byte[] publicKey;
    private final VerifierKey verifierKey;

    private NoteSigner(String keyName, byte[] privateKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.privateKey, 0, publicKey, 0);
        this.verifierKey = new VerifierKey(keyName, VerifierKey.keyId(keyName, publicKey), publicKey);
    }

    public static NoteSigner of(String keyName, PrivateKey ed25519Private) {
        NoteSyntax.requireKeyName(keyName);
        return new NoteSigner(keyName, privateKeyBytes(ed25519Private));
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
        // Bouncy Castle's RFC 8032 signer: the JDK's took 0.6 ms a signature here, 20 times as long, and the
        // audit writer signs a checkpoint for every batch it commits. Verification stays with the JDK's.
        byte[] message = body.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, publicKey, 0, message, 0, message.length, signature, 0);
        byte[] idAndSignature = new byte[VerifierKey.KEY_ID_SIZE + signature.length];
        System.arraycopy(verifierKey.keyId(), 0, idAndSignature, 0, VerifierKey.KEY_ID_SIZE);
        System.arraycopy(signature, 0, idAndSignature, VerifierKey.KEY_ID_SIZE, signature.length);
        return body + "\n" + SIGNATURE_LINE_START + verifierKey.name() + " "
                + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
    }

    private static byte[] privateKeyBytes(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey)
                || !NamedParameterSpec.ED25519.getName().equalsIgnoreCase(((EdECPrivateKey) key).getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
        }
        return ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key does not reveal its bytes"));
    }

    private static KeyPairGenerator keyPairGenerator() {
        try {
            return KeyPairGenerator.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 15+ platform implements Ed25519", e);
        }
    }
}
