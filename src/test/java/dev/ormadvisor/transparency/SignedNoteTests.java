package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ormadvisor.transparency.SignedNote.NoteSignature;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTests {

    private static final VerifierKey PETER = VerifierKey.parse(GoNoteVectors.PETER_KEY);
    private static final VerifierKey ENOCH = VerifierKey.parse(GoNoteVectors.ENOCH_KEY);

    @Test
    void goesNoteSignedByPeterIsSignedByPeterAndNotByEnoch() {
        SignedNote note = SignedNote.parse(GoNoteVectors.PETER_SIGNED);

        assertThat(note.body()).isEqualTo(GoNoteVectors.TEXT);
        assertThat(note.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyName()).isEqualTo("PeterNeumann");
            assertThat(HexFormat.of().formatHex(signature.keyId())).isEqualTo("c74f20a3");
            assertThat(signature.signature()).hasSize(64);
        });
        assertThat(note.signedBy(PETER)).isTrue();
        assertThat(note.signedBy(ENOCH)).isFalse();
    }

    @Test
    void goesNoteSignedByBothIsSignedByEach() {
        SignedNote note = SignedNote.parse(GoNoteVectors.TEXT + "\n" + GoNoteVectors.PETER_SIG
                + GoNoteVectors.ENOCH_SIG);

        assertThat(note.signatures()).extracting(NoteSignature::keyName).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(note.signedBy(PETER)).isTrue();
        assertThat(note.signedBy(ENOCH)).isTrue();
    }

    @Test
    void anUnknownSignatureLineIsKeptAndIgnored() {
        String witness = "\u2014 witness.example/w1 " + java.util.Base64.getEncoder().encodeToString(new byte[72]) + "\n";

        SignedNote note = SignedNote.parse(GoNoteVectors.PETER_SIGNED + witness);

        assertThat(note.signatures()).extracting(NoteSignature::keyName)
                .containsExactly("PeterNeumann", "witness.example/w1");
        assertThat(note.signedBy(PETER)).isTrue();
    }

    @Test
    void aNoteSignedByAnotherKeyIsRefused() {
        NoteSigner other = NoteSigner.fromPkcs8Pem("PeterNeumann", NoteSigner.generatePkcs8Pem());

        SignedNote note = SignedNote.parse(other.sign(GoNoteVectors.TEXT));

        assertThat(note.signedBy(PETER)).as("same name, other key id").isFalse();
        assertThat(note.signedBy(other.verifierKey())).isTrue();
    }

    @Test
    void aSignatureLineUnderAnotherNameIsNotTheKeysEvenWithItsId() {
        String misnamed = GoNoteVectors.PETER_SIGNED.replace("PeterNeumann", "CarmenSandiego");

        assertThat(SignedNote.parse(misnamed).signedBy(PETER)).isFalse();
    }

    @Test
    void aChangedBodyOrSignatureNoLongerVerifies() {
        String changedBody = GoNoteVectors.PETER_SIGNED.replace("cryptography", "cryptographY");
        String changedSignature = GoNoteVectors.PETER_SIGNED.replace("x08go/ZJ", "x08go/ZK");

        assertThat(SignedNote.parse(changedBody).signedBy(PETER)).isFalse();
        assertThat(SignedNote.parse(changedSignature).signedBy(PETER)).isFalse();
    }

    @Test
    void aBadSignatureByTheKeySpoilsTheNoteEvenBesideAGoodOne() {
        // Go's TestOpen inserts "ABCD" at offset 60 of Peter's signature line.
        String bad = GoNoteVectors.PETER_SIG.substring(0, 60) + "ABCD" + GoNoteVectors.PETER_SIG.substring(60);

        assertThat(SignedNote.parse(GoNoteVectors.TEXT + "\n" + bad).signedBy(PETER)).isFalse();
        assertThat(SignedNote.parse(GoNoteVectors.PETER_SIGNED + bad).signedBy(PETER)).isFalse();
    }

    @Test
    void goesMalformedNotesAreRefused() {
        // TestOpen's badMsgs. Go's "\xff" + text is invalid UTF-8, which a Java String cannot hold.
        String text = GoNoteVectors.TEXT;
        String sig = GoNoteVectors.PETER_SIG;
        List<String> malformed = List.of(text, text + "\n", text + "\n" + sig.substring(0, sig.length() - 1),
                "\u0001" + text + "\n" + sig,
                text + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdng"
                        + "otpRZb6KE6RyyBwJnAM=",
                text + "\n" + sig + "Unexpected line.\n");

        for (String note : malformed) {
            assertThatIllegalArgumentException().as(note).isThrownBy(() -> SignedNote.parse(note));
        }
    }

    @Test
    void eachMalformedPartIsNamedInTheMessage() {
        String text = GoNoteVectors.TEXT;

        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse("body\n"))
                .withMessageContaining("blank line");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse(text + "\n\n"))
                .withMessageContaining("has signature lines after its blank line");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse(text + "\n- PeterNeumann AAAA\n"))
                .withMessageStartingWith("signature line 1 does not start with an em dash (U+2014)");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse(text + "\n\u2014 a+b AAAAAAAA\n"))
                .withMessage("signature line 1 has the key name 'a+b', which is empty or has spaces or '+'");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse(text + "\n\u2014 k AAAA\n"))
                .withMessage("signature line 1 holds 3 bytes, too few for a key id and a signature");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse(text + "\n\u2014 k AAAAAAAA\n\u2014 k !\n"))
                .withMessageStartingWith("the signature on signature line 2 is not base64");
        assertThatIllegalArgumentException().isThrownBy(() -> SignedNote.parse(text + "\n\u2014 k\n"))
                .withMessageStartingWith("signature line 1 is not '\u2014 <key name> <base64 signature>'");
    }

    @Test
    void aNoteHasAtMostAHundredSignatures() {
        String text = GoNoteVectors.TEXT + "\n";

        assertThat(SignedNote.parse(text + GoNoteVectors.PETER_SIG.repeat(100)).signatures()).hasSize(100);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SignedNote.parse(text + GoNoteVectors.PETER_SIG.repeat(101)))
                .withMessage("a signed note has at most 100 signatures, and this one has 101");
    }

    @Test
    void theBodyEndsAtTheLastBlankLineSoItMayHoldBlankLinesItself() {
        // The example of C2SP signed-note, whose body has a blank line.
        String example = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n"
                + "\n\u2014 quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQ"
                + "U0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

        SignedNote note = SignedNote.parse(example);

        assertThat(note.body()).isEqualTo(
                "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n");
        assertThat(note.signatures()).singleElement().extracting(NoteSignature::keyName)
                .isEqualTo("quasimodo.example/salvatore");
    }
}
