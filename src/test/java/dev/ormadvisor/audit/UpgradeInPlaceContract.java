package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.Auditor;
import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.transparency.NoteSigner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A database written by the first release (one hash chain, no logs) is upgraded in place by starting this release
 * on it: Flyway migrates it, the chain is checked and sealed as the log {@code chain-v1} with a signed checkpoint,
 * and every record it held stays readable and verifiable, by the service and by an outside auditor. The fixtures
 * are in src/test/resources/fixtures/first-release, made with that release's jar.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "advisor.rules.watch=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class UpgradeInPlaceContract {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/first-release");

    @LocalServerPort
    int port;
    @Autowired
    NoteSigner signer;
    @TempDir
    Path auditorFolder;

    /** The evaluations the first release stored in the fixture, in chain order. */
    abstract List<String> firstReleaseIds();

    @Test
    void everyRecordOfTheFirstReleaseIsSealedIntoALogAndStaysReadableAndVerifiable() throws Exception {
        List<String> firstReleaseIds = firstReleaseIds();
        ServiceClient service = new ServiceClient(port);
        Auditor auditor = new Auditor(signer.verifierKey().encoded(), auditorFolder);

        JsonNode logs = service.getOk("/api/v1/audit/logs").get("logs");
        JsonNode sealed = logs.valueStream().filter(log -> log.get("id").asString().equals("chain-v1")).findFirst()
                .orElseThrow();
        assertThat(sealed.get("size").asLong()).isEqualTo(firstReleaseIds.size());
        assertThat(sealed.get("origin").asString()).isEqualTo("orm-advisor/audit/chain-v1");
        for (int index = 0; index < firstReleaseIds.size(); index++) {
            String id = firstReleaseIds.get(index);
            JsonNode stored = service.getOk("/api/v1/evaluations/" + id);
            assertThat(stored.get("id").asString()).isEqualTo(id);
            assertThat(stored.get("log").asString()).isEqualTo("chain-v1");
            assertThat(stored.get("index").asLong()).isEqualTo(index);
            String receipt = service.get("/api/v1/evaluations/" + id + "/receipt").body();
            Auditor.Outcome checked = auditor.verifyReceipt(receipt, null);
            assertThat(checked.exit()).as(checked.printed()).isZero();
        }
        JsonNode verification = service.getOk("/api/v1/audit/verify");
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(firstReleaseIds.size());

        assertThat(auditor.follow("http://127.0.0.1:" + port).exit()).isZero();
        service.evaluate(ServiceClient.TEAM_A);
        assertThat(service.getOk("/api/v1/evaluations?size=1").get("total").asLong())
                .isEqualTo(firstReleaseIds.size() + 1);
        Auditor.Outcome followed = auditor.follow("http://127.0.0.1:" + port);
        assertThat(followed.exit()).as(followed.printed()).isZero();
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }
}
