package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NoteSignerTests {

    /** RFC 8032 section 7.1, TEST 1: an Ed25519 secret key and the public key it derives. */
    private static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /** PKCS#8 v1 (RFC 8410 section 7) for Ed25519, up to the 32-byte private key, which ends it. */
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

    @Test
    void signingGoesTextWithGoesKeyWritesExactlyGoesSignedNote() throws Exception {
        NoteSigner peter = NoteSigner.of("PeterNeumann", GoNoteVectors.peterPrivateKey());

        assertThat(peter.sign(GoNoteVectors.TEXT)).isEqualTo(GoNoteVectors.PETER_SIGNED);
        assertThat(peter.verifierKey().encoded()).isEqualTo(GoNoteVectors.PETER_KEY);
    }

    @Test
    void thePublicKeyDerivedFromAPrivateKeyIsTheOneRfc8032Publishes() throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(RFC8032_SECRET)));

        assertThat(HexFormat.of().formatHex(NoteSigner.of("rfc8032.example/test1", key).verifierKey().publicKey()))
                .isEqualTo(RFC8032_PUBLIC);
    }

    @Test
    void aPkcs8PemKeyIsReadWithItsPublicKey() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(PKCS8_PREFIX + RFC8032_SECRET))
                + "\n-----END PRIVATE KEY-----\n";

        NoteSigner signer = NoteSigner.fromPkcs8Pem("rfc8032.example/test1", pem);

        assertThat(HexFormat.of().formatHex(signer.verifierKey().publicKey())).isEqualTo(RFC8032_PUBLIC);
    }

    @Test
    void aGeneratedPemKeySignsNotesItsVerifierKeyAccepts() {
        String pem = NoteSigner.generatePkcs8Pem();
        NoteSigner signer = NoteSigner.fromPkcs8Pem("orm-advisor.example/audit", pem);
        VerifierKey key = VerifierKey.parse(signer.verifierKey().encoded());

        SignedNote note = SignedNote.parse(signer.sign("orm-advisor.example/audit/evaluations\n0\n"));

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(note.signedBy(key)).isTrue();
        assertThat(NoteSigner.generatePkcs8Pem()).as("fresh every time").isNotEqualTo(pem);
    }

    @Test
    void aBodyMustEndInANewlineAndHoldNoControlCharacter() throws Exception {
        NoteSigner peter = NoteSigner.of("PeterNeumann", GoNoteVectors.peterPrivateKey());

        assertThatIllegalArgumentException().isThrownBy(() -> peter.sign("no newline"))
                .withMessage("a note body ends with a newline");
        assertThatIllegalArgumentException().isThrownBy(() -> peter.sign(""));
        assertThatIllegalArgumentException().isThrownBy(() -> peter.sign("a\ttab\n"))
                .withMessage("the note body contains the control character U+0009 at offset 1");
    }

    @Test
    void onlyAnEd25519KeyUnderAValidNameCanSign() throws Exception {
        PrivateKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate();

        assertThatIllegalArgumentException().isThrownBy(() -> NoteSigner.of("ed448.example", ed448))
                .withMessageStartingWith("not an Ed25519 private key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteSigner.of("two words", GoNoteVectors.peterPrivateKey()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteSigner.of("a+b", GoNoteVectors.peterPrivateKey()));
    }

    @Test
    void aPemThatIsNotAnEd25519PrivateKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> NoteSigner.fromPkcs8Pem("k", "not a pem"))
                .withMessageContaining("-----BEGIN PRIVATE KEY-----");
        assertThatIllegalArgumentException().isThrownBy(() -> NoteSigner.fromPkcs8Pem("k",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .withMessageStartingWith("the PEM private key is not an Ed25519 PKCS#8 key");
    }
}
