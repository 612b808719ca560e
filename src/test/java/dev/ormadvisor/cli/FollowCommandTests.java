package dev.ormadvisor.cli;

import static dev.ormadvisor.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.cli.FakeAuditLogService.FakeLog;
import dev.ormadvisor.transparency.NoteSigner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowCommandTests {

    private static final NoteSigner SIGNER = NoteSigner.fromPkcs8Pem(FakeAuditLogService.KEY_NAME,
            NoteSigner.generatePkcs8Pem());
    private static final NoteSigner OTHER_SIGNER = NoteSigner.fromPkcs8Pem(FakeAuditLogService.KEY_NAME,
            NoteSigner.generatePkcs8Pem());

    private final FakeAuditLogService service = new FakeAuditLogService();

    @TempDir
    Path tmp;

    @AfterEach
    void stopTheService() {
        service.close();
    }

    @Test
    void theFirstRunKeepsEveryLogsSignedCheckpoint() throws IOException {
        FakeLog evaluations = service.addLog("evaluations", 5, SIGNER);
        FakeLog rules = service.addLog("rules", 2, SIGNER);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).as(follow.err()).isZero();
        assertThat(follow.out()).containsPattern("(?m)^log evaluations: first seen at 5 leaves, root \\S+$")
                .containsPattern("(?m)^log rules: first seen at 2 leaves, root \\S+$");
        assertThat(keptFiles()).containsOnly(Map.entry("evaluations.checkpoint", evaluations.signedCheckpoint()),
                Map.entry("rules.checkpoint", rules.signedCheckpoint()));
    }

    @Test
    void aLogThatGrewIsProvenConsistentAndItsNewCheckpointKept() throws IOException {
        FakeLog evaluations = service.addLog("evaluations", 5, SIGNER);
        service.addLog("rules", 2, SIGNER);
        follow();
        evaluations.append(13);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).as(follow.out() + follow.err()).isZero();
        assertThat(follow.out()).containsPattern("(?m)^log evaluations: grew from 5 to 18 leaves, consistently;")
                .containsPattern("(?m)^log rules: unchanged at 2 leaves$");
        assertThat(keptFiles()).containsEntry("evaluations.checkpoint", evaluations.signedCheckpoint());
    }

    @Test
    void aLogThatShrankFailsAndNothingKeptChanges() throws IOException {
        FakeLog evaluations = service.addLog("evaluations", 5, SIGNER);
        FakeLog rules = service.addLog("rules", 2, SIGNER);
        follow();
        Map<String, String> kept = keptFiles();
        evaluations.truncate(3);
        rules.append(1);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.out()).contains("FAILED log evaluations: it shrank from 5 to 3 leaves")
                .doesNotContain("FAILED log rules");
        assertThat(keptFiles()).as("the good log is not advanced either").isEqualTo(kept);
        assertThat(follow().exitCode()).as("a rerun fails again").isEqualTo(1);
    }

    @Test
    void aLogNoLongerListedFailsByName() throws IOException {
        service.addLog("evaluations", 5, SIGNER);
        service.addLog("rules", 2, SIGNER);
        follow();
        Map<String, String> kept = keptFiles();
        service.removeLog("rules");

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.out()).contains("FAILED log rules: it is no longer listed by the service");
        assertThat(keptFiles()).isEqualTo(kept);
    }

    @Test
    void aLogThatRewroteItsHistoryAtTheSameSizeFails() throws IOException {
        FakeLog evaluations = service.addLog("evaluations", 5, SIGNER);
        follow();
        Map<String, String> kept = keptFiles();
        evaluations.rewrite(2);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.out()).contains("FAILED log evaluations: it rewrote its history: at the same 5 leaves its"
                + " root is now");
        assertThat(keptFiles()).isEqualTo(kept);
    }

    @Test
    void aLogThatRewroteItsHistoryAndGrewCannotProveConsistencyAndFails() throws IOException {
        FakeLog evaluations = service.addLog("evaluations", 5, SIGNER);
        follow();
        Map<String, String> kept = keptFiles();
        evaluations.rewrite(2);
        evaluations.append(4);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.out()).contains("FAILED log evaluations: it rewrote its history: its tree of 9 leaves does"
                + " not extend the kept one of 5 leaves (the consistency proof does not verify)");
        assertThat(keptFiles()).isEqualTo(kept);
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws IOException {
        FakeLog evaluations = service.addLog("evaluations", 5, SIGNER);
        follow();
        Map<String, String> kept = keptFiles();
        evaluations.signWith(OTHER_SIGNER);
        evaluations.append(1);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.out()).contains("FAILED log evaluations: its checkpoint is signed by none of the keys "
                + FakeAuditLogService.KEY_NAME);
        assertThat(keptFiles()).isEqualTo(kept);
    }

    @Test
    void aCheckpointSignedByAnyOfTheGivenKeysIsAccepted() throws IOException {
        service.addLog("evaluations", 5, SIGNER);
        service.addLog("rules", 2, OTHER_SIGNER);
        Path keyFile = Files.writeString(tmp.resolve("other.vkey"), OTHER_SIGNER.verifierKey().encoded() + "\n");

        CommandRun follow = run("audit", "follow", "--url", service.url(), "--key",
                SIGNER.verifierKey().encoded(), "--key", keyFile.toString(), "--state", state().toString());

        assertThat(follow.exitCode()).as(follow.out() + follow.err()).isZero();
    }

    @Test
    void aLogIdThatIsNotUrlSafeFails() {
        service.addLog("../evaluations", 5, SIGNER);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(1);
        assertThat(follow.out()).contains("FAILED log ../evaluations: its id is not url-safe");
        assertThat(state()).doesNotExist();
    }

    @Test
    void anUnreachableServiceIsUnusable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CommandRun follow = run("audit", "follow", "--url", "http://localhost:" + closedPort, "--key",
                SIGNER.verifierKey().encoded(), "--state", state().toString());

        assertThat(follow.exitCode()).isEqualTo(2);
        assertThat(follow.err()).startsWith("cannot reach http://localhost:" + closedPort + "/api/v1/audit/logs");
    }

    @Test
    void aServiceAnsweringWithAnErrorIsUnusable() {
        service.addLog("evaluations", 5, SIGNER);
        service.failWith(503);

        CommandRun follow = follow();

        assertThat(follow.exitCode()).isEqualTo(2);
        assertThat(follow.err()).contains("/api/v1/audit/logs answered HTTP 503");
    }

    @Test
    void theKeyAndTheStateAreRequiredAndAKeyMustBeAKey() {
        CommandRun noKey = run("audit", "follow", "--url", service.url(), "--state", state().toString());
        CommandRun badKey = run("audit", "follow", "--url", service.url(), "--key", "not-a-key", "--state",
                state().toString());

        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).startsWith("audit: --key is required").contains(FollowCommand.USAGE);
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).contains("--key not-a-key is neither a verifier key nor a file");
    }

    private CommandRun follow() {
        return run("audit", "follow", "--url", service.url(), "--key", SIGNER.verifierKey().encoded(), "--state",
                state().toString());
    }

    private Path state() {
        return tmp.resolve("state");
    }

    private Map<String, String> keptFiles() throws IOException {
        Map<String, String> kept = new TreeMap<>();
        try (Stream<Path> files = Files.list(state())) {
            for (Path file : files.toList()) {
                kept.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return kept;
    }
}
