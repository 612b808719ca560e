package dev.ormadvisor.cli;

import static dev.ormadvisor.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.cli.FakeAuditLogService.FakeLog;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class VerifyReceiptCommandTests {

    private static final NoteSigner SIGNER = NoteSigner.fromPkcs8Pem(FakeAuditLogService.KEY_NAME,
            NoteSigner.generatePkcs8Pem());
    private static final int INDEX = 6;

    private final FakeAuditLogService service = new FakeAuditLogService();
    private final FakeLog log = service.addLog("evaluations", 11, SIGNER);
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @AfterEach
    void stopTheService() {
        service.close();
    }

    @Test
    void aGoodReceiptAndItsLeafAreProven() throws IOException {
        CommandRun verify = verify(write(receipt()), SIGNER.verifierKey().encoded(), leafFile(log.entry(INDEX)));

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out())
                .contains("OK      the checkpoint is signed by " + FakeAuditLogService.KEY_NAME + "+")
                .contains("OK      the checkpoint is of log " + log.origin() + ", as the receipt says")
                .containsPattern("OK      the inclusion proof places leaf hash \\S+ at index 6 in the checkpoint's"
                        + " tree of 11 leaves")
                .contains("is the logged entry")
                .containsPattern("(?m)^Proven: entry 6 of log evaluations is in the tree the log signed with ");
    }

    @Test
    void aWholeEvaluationAnswerWithAReceiptMemberIsReadToo() throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("verdict", Map.of("choice", "DJANGO_ORM"));
        answer.put("receipt", receipt());

        CommandRun verify = verify(write(answer), SIGNER.verifierKey().encoded());

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void aLeafFileThatIsNotTheLoggedEntryFails() throws IOException {
        byte[] tampered = log.entry(INDEX);
        tampered[tampered.length - 2] ^= 1;

        CommandRun verify = verify(write(receipt()), SIGNER.verifierKey().encoded(), leafFile(tampered));

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).containsPattern("FAILED  \\S+leaf.bin is not the logged entry: it hashes to")
                .contains("Not proven: 1 of 4 checks failed.");
    }

    @Test
    void aReceiptCheckedWithAnotherKeyFails() throws IOException {
        NoteSigner other = NoteSigner.fromPkcs8Pem(FakeAuditLogService.KEY_NAME, NoteSigner.generatePkcs8Pem());

        CommandRun verify = verify(write(receipt()), other.verifierKey().encoded());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  the checkpoint is not signed by " + FakeAuditLogService.KEY_NAME);
    }

    @Test
    void aTamperedProofFails() throws IOException {
        Map<String, Object> receipt = receipt();
        @SuppressWarnings("unchecked")
        List<String> proof = new ArrayList<>((List<String>) receipt.get("inclusionProof"));
        proof.set(1, Base64.getEncoder().encodeToString(MerkleHash.leaf(new byte[] {42})));
        receipt.put("inclusionProof", proof);

        CommandRun verify = verify(write(receipt), SIGNER.verifierKey().encoded());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  the inclusion proof does not place leaf hash");
    }

    @Test
    void aReceiptForAnotherLogFails() throws IOException {
        Map<String, Object> receipt = receipt();
        receipt.put("origin", FakeAuditLogService.KEY_NAME + "/rules");

        CommandRun verify = verify(write(receipt), SIGNER.verifierKey().encoded());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  the checkpoint is of log " + log.origin()
                + ", but the receipt says " + FakeAuditLogService.KEY_NAME + "/rules");
    }

    @Test
    void aMalformedReceiptIsUnusable() throws IOException {
        Map<String, Object> noProof = receipt();
        noProof.remove("inclusionProof");

        CommandRun notJson = verify(Files.writeString(tmp.resolve("receipt.json"), "{ not json"),
                SIGNER.verifierKey().encoded());
        CommandRun incomplete = verify(write(noProof), SIGNER.verifierKey().encoded());
        CommandRun missing = verify(tmp.resolve("missing.json"), SIGNER.verifierKey().encoded());

        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("receipt.json is not JSON");
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.err()).contains("has no member 'inclusionProof' holding an array of base64 hashes");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.json: no such file");
    }

    @Test
    void theKeyMayBeInAFile() throws IOException {
        Path keyFile = Files.writeString(tmp.resolve("log.vkey"), SIGNER.verifierKey().encoded() + "\n");

        assertThat(verify(write(receipt()), keyFile.toString()).exitCode()).isZero();
    }

    @Test
    void withoutAKeyItIsAUsageError() throws IOException {
        CommandRun verify = run("audit", "verify-receipt", write(receipt()).toString());

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).startsWith("audit: --key is required").contains(VerifyReceiptCommand.USAGE);
    }

    /** What the service would hand out for entry {@value #INDEX}, as JSON members. */
    private Map<String, Object> receipt() {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("log", "evaluations");
        receipt.put("origin", log.origin());
        receipt.put("index", INDEX);
        receipt.put("leafHash", Base64.getEncoder().encodeToString(MerkleHash.leaf(log.entry(INDEX))));
        receipt.put("checkpoint", log.signedCheckpoint());
        receipt.put("inclusionProof", log.inclusion(INDEX).stream().map(Base64.getEncoder()::encodeToString).toList());
        return receipt;
    }

    private Path write(Map<String, Object> document) throws IOException {
        return Files.writeString(tmp.resolve("receipt.json"), json.writeValueAsString(document));
    }

    private Path leafFile(byte[] content) throws IOException {
        return Files.write(tmp.resolve("leaf.bin"), content);
    }

    private static CommandRun verify(Path receipt, String key) {
        return run("audit", "verify-receipt", receipt.toString(), "--key", key);
    }

    private static CommandRun verify(Path receipt, String key, Path leaf) {
        return run("audit", "verify-receipt", receipt.toString(), "--key", key, "--leaf", leaf.toString());
    }
}
