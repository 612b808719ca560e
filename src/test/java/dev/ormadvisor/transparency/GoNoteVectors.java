package dev.ormadvisor.transparency;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Published signed-note vectors of Go's note package, golang.org/x/mod/sumdb/note/note_test.go (TestNewVerifier,
 * TestSign, TestOpen), which is the reference implementation of C2SP signed-note.
 */
final class GoNoteVectors {

    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    /** Go's signer key string: {@code PRIVATE+KEY+<name>+<id>+base64(0x01 || 32-byte Ed25519 seed)}. */
    static final String PETER_SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2p"
            + "ZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5o"
            + "vTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    /** TestSign's expected output: Ed25519 is deterministic, so signing must give exactly this. */
    static final String PETER_SIGNED = TEXT + "\n" + PETER_SIG;

    private GoNoteVectors() {
    }

    /** Peter's private key, from the seed in Go's signer key string. */
    static PrivateKey peterPrivateKey() throws GeneralSecurityException {
        byte[] typed = Base64.getDecoder().decode(PETER_SIGNER_KEY.split("\\+", 5)[4]);
        byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }
}
