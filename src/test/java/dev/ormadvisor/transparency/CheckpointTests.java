package dev.ormadvisor.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTests {

    /** The example of C2SP tlog-checkpoint. */
    private static final String C2SP_EXAMPLE = "example.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    @Test
    void theC2spExampleParsesAndIsWrittenBackUnchanged() {
        Checkpoint checkpoint = Checkpoint.parse(C2SP_EXAMPLE);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.rootHash()).isEqualTo(Base64.getDecoder().decode(ROOT));
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.body()).isEqualTo(C2SP_EXAMPLE);
    }

    @Test
    void theSignedC2spExampleIsANoteWhoseBodyIsTheCheckpoint() {
        SignedNote note = SignedNote.parse(C2SP_EXAMPLE + "\n\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8np"
                + "Vmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n");

        assertThat(Checkpoint.parse(note.body())).isEqualTo(Checkpoint.parse(C2SP_EXAMPLE));
    }

    @Test
    void extensionLinesAreKeptInOrder() {
        Checkpoint checkpoint = Checkpoint.parse(C2SP_EXAMPLE + "first extension\nsecond\n");

        assertThat(checkpoint.extensions()).containsExactly("first extension", "second");
        assertThat(checkpoint.body()).isEqualTo(C2SP_EXAMPLE + "first extension\nsecond\n");
    }

    @Test
    void theEmptyTreeHasSizeZero() {
        Checkpoint empty = new Checkpoint("log.example/empty", 0, MerkleHash.emptyRoot(), List.of());

        assertThat(Checkpoint.parse(empty.body())).isEqualTo(empty);
        assertThat(empty.body()).startsWith("log.example/empty\n0\n");
    }

    @Test
    void theSizeIsDecimalWithoutLeadingZeroesSignsOrOverflow() {
        for (String size : List.of("020852163", "+1", "-1", "1.0", " 1", "", "0x10", "9223372036854775808")) {
            String body = "example.com/log\n" + size + "\n" + ROOT + "\n";
            assertThatIllegalArgumentException().as("size '%s'", size).isThrownBy(() -> Checkpoint.parse(body))
                    .withMessageContaining("tree size (line 2)");
        }
        assertThat(Checkpoint.parse("example.com/log\n9223372036854775807\n" + ROOT + "\n").size())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theRootIsThirtyTwoBytesOfCanonicalBase64() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checkpoint.parse("example.com/log\n1\n" + Base64.getEncoder()
                        .encodeToString(new byte[31]) + "\n"))
                .withMessage("the checkpoint's root hash (line 3) has 31 bytes, not 32");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checkpoint.parse("example.com/log\n1\n" + ROOT.replace("=", "") + "\n"))
                .withMessageContaining("root hash (line 3) is not canonical padded base64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Checkpoint.parse("example.com/log\n1\nnot base64!\n"))
                .withMessageContaining("root hash (line 3) is not base64");
    }

    @Test
    void aCheckpointHasAnOriginASizeAndARootOnLinesEndingInNewlines() {
        assertThatIllegalArgumentException().isThrownBy(() -> Checkpoint.parse(C2SP_EXAMPLE.strip()))
                .withMessage("a checkpoint ends with a newline");
        assertThatIllegalArgumentException().isThrownBy(() -> Checkpoint.parse("example.com/log\n1\n"))
                .withMessage("a checkpoint has at least three lines (origin, tree size, root hash), and this one"
                        + " has 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Checkpoint.parse("\n1\n" + ROOT + "\n"))
                .withMessage("the checkpoint's origin (line 1) is empty");
        assertThatIllegalArgumentException().isThrownBy(() -> Checkpoint.parse(C2SP_EXAMPLE + "\n"))
                .withMessage("the checkpoint's extension line 4 is empty");
    }
}
