package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Checkpoints and verifier keys as an auditor's tools read them from a log's answers or the command line: parsed
 * exactly, or refused with an {@link IllegalArgumentException} that says why. Any other exception is a finding.
 * Inputs: {@code SignedCheckpointFuzzTestsInputs/<method>/}.
 */
class SignedCheckpointFuzzTests {

    @FuzzTest
    void aSignedCheckpointIsReadExactlyOrRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SignedNote note;
        try {
            note = SignedNote.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(note.body() + "\n").isEqualTo(text.substring(0, note.body().length() + 1));
        note.signedBy(FuzzingKey.LOG.verifierKey());
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(note.body());
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(checkpoint.body()).as("a checkpoint has one text").isEqualTo(note.body());
    }

    @FuzzTest
    void aVerifierKeyIsReadOrRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        VerifierKey key;
        try {
            key = VerifierKey.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(VerifierKey.parse(key.encoded())).isEqualTo(key);
        key.verifies(input, new byte[64]);
    }
}
