package dev.ormadvisor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.Auditor;
import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.CompactRange;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.NoteSigner;
import dev.ormadvisor.transparency.SignedNote;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The attacks an auditor must catch, carried out for real on the running service's database by someone who can
 * write to it but does not hold the signing key: a rewritten answer with every hash recomputed, the newest records
 * deleted and the log rewound, the database restored from an older copy, a checkpoint signed by another key. The
 * auditor is the jar's own {@code audit follow} and {@code audit verify-receipt}, with state kept from before the
 * attack. Each test puts the database back as it found it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "advisor.rules.watch=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AuditTamperContract {

    private static final List<String> TABLES = List.of("audit_evaluation", "audit_statement", "audit_fired_rule",
            "audit_tree_node", "audit_log");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NoteSigner signer;
    @Autowired
    LogIdentity log;
    @TempDir
    Path tmp;

    private ServiceClient service;
    private Auditor auditor;

    @BeforeEach
    void anAuditorWhoTrustsTheServicesKey() {
        service = new ServiceClient(port);
        auditor = new Auditor(signer.verifierKey().encoded(), tmp);
    }

    @Test
    void aRewrittenAnswerWithEveryHashRecomputedIsCaughtByFollowByVerifyAndByItsReceipt() throws Exception {
        List<JsonNode> answers = evaluate(4);
        assertFollowed();
        backUp("before");
        JsonNode victim = answers.get(1);
        String id = victim.get("id").asString();

        rewriteAnswerOf(id);
        recomputeTree();
        // The service signs its next checkpoint over the tree it built, not over the rewritten one.
        evaluate(1);

        assertFollowFails("rewrote its history");
        assertVerifyFails();
        Auditor.Outcome receiptNow = auditor.verifyReceipt(service.get("/api/v1/evaluations/" + id + "/receipt")
                .body(), leaf(id));
        assertThat(receiptNow.exit()).as(receiptNow.printed()).isEqualTo(1);
        Auditor.Outcome receiptThen = auditor.verifyReceipt(victim.toString(), leaf(id));
        assertThat(receiptThen.exit()).as(receiptThen.printed()).isEqualTo(1);
        restore("before");
    }

    @Test
    void theNewestRecordsDeletedAndTheLogRewoundToAnOlderCheckpointAreCaughtByFollow() throws Exception {
        evaluate(3);
        long olderSize = size();
        String olderCheckpoint = service.get("/api/v1/audit/logs/" + log.id() + "/checkpoint").body();
        evaluate(2);
        assertFollowed();
        backUp("before");

        jdbc.update("DELETE FROM audit_statement WHERE evaluation_seq IN (SELECT seq FROM audit_evaluation"
                + " WHERE log_id = ? AND log_index >= ?)", log.id(), olderSize);
        jdbc.update("DELETE FROM audit_fired_rule WHERE evaluation_seq IN (SELECT seq FROM audit_evaluation"
                + " WHERE log_id = ? AND log_index >= ?)", log.id(), olderSize);
        jdbc.update("DELETE FROM audit_evaluation WHERE log_id = ? AND log_index >= ?", log.id(), olderSize);
        deleteNodesBeyond(olderSize);
        jdbc.update("UPDATE audit_log SET tree_size = ?, checkpoint = ? WHERE id = ?", olderSize, olderCheckpoint,
                log.id());

        assertFollowFails("shrank");
        // A rewind to a checkpoint the log really signed is consistent in itself: only an auditor who remembers a
        // later checkpoint can tell. That is what follow is for.
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
        restore("before");
    }

    @Test
    void aDatabaseRestoredFromAnOlderCopyIsCaughtByFollowWithAndWithoutNewEvaluationsAfterIt() throws Exception {
        evaluate(2);
        backUp("older");
        evaluate(3);
        assertFollowed();

        restore("older");
        assertFollowFails("shrank");

        // The service continues the log where the restored copy ends: its new records take places the auditor
        // has already seen other records in, a fork of what was published.
        evaluate(5);
        assertThat(size()).isGreaterThan(followedSize());
        assertFollowFails("rewrote its history");
        assertThat(service.getOk("/api/v1/audit/verify").get("ok").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefusedByFollowAndByVerify() throws Exception {
        evaluate(2);
        NoteSigner attacker = NoteSigner.fromPkcs8Pem(signer.verifierKey().name(), NoteSigner.generatePkcs8Pem());
        Auditor trustingTheAttacker = new Auditor(attacker.verifierKey().encoded(), tmp.resolve("fooled"));
        Auditor.Outcome wrongKey = trustingTheAttacker.follow(url());
        assertThat(wrongKey.exit()).as(wrongKey.printed()).isEqualTo(1);
        assertThat(wrongKey.printed()).contains(log.id());
        assertFollowed();
        backUp("before");

        String id = jdbc.queryForObject("SELECT id FROM audit_evaluation WHERE log_id = ? AND log_index = 0",
                String.class, log.id());
        rewriteAnswerOf(id);
        CompactRange tree = recomputeTree();
        jdbc.update("UPDATE audit_log SET checkpoint = ?, verifier_key = ? WHERE id = ?", attacker.sign(
                new Checkpoint(log.origin(), tree.size(), tree.root(), List.of()).body()),
                attacker.verifierKey().encoded(), log.id());

        assertFollowFails("sign");
        JsonNode verification = assertVerifyFails();
        assertThat(verification.at("/firstMismatch/reason").asString()).contains("not signed by a key");
        restore("before");
    }

    @AfterEach
    void dropBackups() {
        for (String table : TABLES) {
            for (String name : List.of("before", "older")) {
                jdbc.execute("DROP TABLE IF EXISTS " + name + "_" + table);
            }
        }
    }

    private List<JsonNode> evaluate(int count) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(service.evaluate(ServiceClient.TEAM_A));
        }
        return answers;
    }

    private void assertFollowed() {
        Auditor.Outcome followed = auditor.follow(url());
        assertThat(followed.exit()).as(followed.printed()).isZero();
    }

    private void assertFollowFails(String why) {
        Auditor.Outcome followed = auditor.follow(url());
        assertThat(followed.exit()).as(followed.printed()).isEqualTo(1);
        assertThat(followed.printed()).contains(log.id()).containsIgnoringCase(why);
    }

    private JsonNode assertVerifyFails() throws Exception {
        JsonNode verification = service.getOk("/api/v1/audit/verify");
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.at("/firstMismatch/log").asString()).isEqualTo(log.id());
        return verification;
    }

    private void rewriteAnswerOf(String id) {
        String answer = jdbc.queryForObject("SELECT answer FROM audit_evaluation WHERE id = ?", String.class, id);
        String rewritten = answer.replace("\"choice\":\"DJANGO_ORM\"", "\"choice\":\"SQLALCHEMY\"");
        assertThat(rewritten).isNotEqualTo(answer);
        jdbc.update("UPDATE audit_evaluation SET answer = ?, choice = 'SQLALCHEMY' WHERE id = ?", rewritten, id);
    }

    /** What an attacker who read the README does after a rewrite: every stored hash made to fit the records. */
    private CompactRange recomputeTree() {
        List<byte[]> leaves = jdbc.query("SELECT " + TransparencyLogs.ENTRY_COLUMNS
                + " FROM audit_evaluation WHERE log_id = ? ORDER BY log_index", (rs, row) ->
                MerkleHash.leaf(AuditLeaf.bytes(TransparencyLogs.ENTRY.mapRow(rs, row))), log.id());
        CompactRange.Appended tree = CompactRange.empty().append(leaves);
        jdbc.update("DELETE FROM audit_tree_node WHERE log_id = ?", log.id());
        new TreeNodes(jdbc).insert(log.id(), tree.newNodes());
        return tree.range();
    }

    private void deleteNodesBeyond(long size) {
        for (int level = 0; level < 63; level++) {
            // The node of level h at index i covers leaves up to (i + 1) * 2^h: in the tree of size only below.
            jdbc.update("DELETE FROM audit_tree_node WHERE log_id = ? AND tree_level = ? AND tree_index >= ?",
                    log.id(), level, size >> level);
        }
    }

    private long size() {
        return jdbc.queryForObject("SELECT tree_size FROM audit_log WHERE id = ?", Long.class, log.id());
    }

    private long followedSize() throws Exception {
        String kept = Files.readString(tmp.resolve("follow-state").resolve(log.id() + ".checkpoint"));
        return Checkpoint.parse(SignedNote.parse(kept).body()).size();
    }

    /** A copy of every audit table as it stands, as a backup would hold it. */
    private void backUp(String name) {
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE IF EXISTS " + name + "_" + table);
            jdbc.execute("CREATE TABLE " + name + "_" + table + " AS SELECT * FROM " + table);
        }
    }

    private void restore(String name) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table);
            jdbc.update("INSERT INTO " + table + " SELECT * FROM " + name + "_" + table);
        }
    }

    private byte[] leaf(String id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/evaluations/" + id
                + "/leaf")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
