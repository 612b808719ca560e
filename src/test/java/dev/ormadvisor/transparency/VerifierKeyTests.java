package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VerifierKeyTests {

    @Test
    void goesPublishedVerifierKeyParsesToItsNameKeyIdAndPublicKeyAndEncodesBackToTheSameText() {
        VerifierKey peter = VerifierKey.parse(GoNoteVectors.PETER_KEY);

        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(HexFormat.of().formatHex(peter.keyId())).isEqualTo("c74f20a3");
        assertThat(peter.publicKey()).hasSize(32);
        assertThat(peter.encoded()).isEqualTo(GoNoteVectors.PETER_KEY);
        assertThat(VerifierKey.parse(GoNoteVectors.ENOCH_KEY).encoded()).isEqualTo(GoNoteVectors.ENOCH_KEY);
    }

    @Test
    void aKeyIdThatIsNotTheHashOfTheNameAndKeyIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse(GoNoteVectors.PETER_KEY.replace("c74f20a3", "c74f20a4")))
                .withMessage("key id c74f20a4 of 'PeterNeumann' is not the hash of its name and public key, which is"
                        + " c74f20a3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse(GoNoteVectors.PETER_KEY.replace("PeterNeumann", "PeterNeuman")))
                .withMessageContaining("is not the hash of its name and public key");
    }

    @Test
    void goesMangledKeysAreRefusedEveryTruncationAndEveryChangedCharacter() {
        // TestNewVerifier: every proper substring and every single-character increment must fail.
        byte[] key = GoNoteVectors.PETER_KEY.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= key.length; i++) {
            for (int j = i + 1; j <= key.length; j++) {
                if (i != 0 || j != key.length) {
                    String mangled = GoNoteVectors.PETER_KEY.substring(i, j);
                    assertThatIllegalArgumentException().as(mangled).isThrownBy(() -> VerifierKey.parse(mangled));
                }
            }
        }
        for (int i = 0; i < key.length; i++) {
            key[i]++;
            String mangled = new String(key, StandardCharsets.US_ASCII);
            assertThatIllegalArgumentException().as(mangled).isThrownBy(() -> VerifierKey.parse(mangled));
            key[i]--;
        }
    }

    @Test
    void goesKeysOfTheWrongLengthOrAlgorithmAreRefusedWithTheReason() {
        // TestNewVerifier, with key ids adjusted to match. Go reads the 38-byte key, whose last base64 digit has
        // bits to spare set, and refuses its length; this refuses its non-canonical base64 first.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse(
                        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .withMessageContaining("public key");
        byte[] shortKey = new byte[32];
        shortKey[0] = VerifierKey.ED25519;
        String shortKeyId = HexFormat.of().formatHex(VerifierKey.keyId("PeterNeumann", new byte[31]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse("PeterNeumann+" + shortKeyId + "+"
                        + Base64.getEncoder().encodeToString(shortKey)))
                .withMessage("verifier key 'PeterNeumann' has a public key of 31 bytes; Ed25519 keys have 32");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse(
                        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .withMessage("verifier key 'PeterNeumann' is not an Ed25519 key (type byte 0x65, Ed25519 is 0x01)");
    }

    @Test
    void aKeyStringMissingFieldsOrWithABadNameOrIdSaysWhichPart() {
        assertThatIllegalArgumentException().isThrownBy(() -> VerifierKey.parse("PeterNeumann"))
                .withMessageContaining("<name>+<key id>+<base64 key>");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .withMessageContaining("name 'Peter Neumann'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .withMessage("verifier key id 'c74f20' is not 8 hex digits");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerifierKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T"))
                .withMessageContaining("base64");
    }

    @Test
    void aKeyFromAJavaPublicKeyIsTheOneGoWrites() throws Exception {
        NoteSigner signer = NoteSigner.of("PeterNeumann", GoNoteVectors.peterPrivateKey());

        assertThat(signer.verifierKey()).isEqualTo(VerifierKey.parse(GoNoteVectors.PETER_KEY));
    }

    @Test
    void onlyASixtyFourByteSignatureOfTheMessageVerifies() {
        VerifierKey peter = VerifierKey.parse(GoNoteVectors.PETER_KEY);
        SignedNote note = SignedNote.parse(GoNoteVectors.PETER_SIGNED);
        byte[] message = GoNoteVectors.TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] signature = note.signatures().get(0).signature();

        assertThat(peter.verifies(message, signature)).isTrue();
        assertThat(peter.verifies("another message\n".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(peter.verifies(message, new byte[63])).isFalse();
        assertThat(peter.verifies(message, new byte[64])).isFalse();
    }

    @Test
    void aRecordWithAWrongIdCannotBeBuiltEither() {
        VerifierKey peter = VerifierKey.parse(GoNoteVectors.PETER_KEY);

        assertThatThrownBy(() -> new VerifierKey("EnochRoot", peter.keyId(), peter.publicKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
