package dev.ormadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation is answered, a rule author then changes one weight and reloads: the diff from the version that
 * answered to the one in service names that rule, and either version can be downloaded as a rules folder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RuleSetsTest {

    private static final Path RULES = ShippedRules.copyToTemporaryFolder();
    private static final String TOKEN = "rulesets-test-token";
    private static final String ADMIN_RULE = "People who need an admin interface favour Django ORM";
    private static final Pattern ADMIN_WEIGHT = Pattern.compile(
            "(Project\\( needsAdminInterface == true \\)\\s+then\\s+insert\\( new Evidence\\( Option.DJANGO_ORM, )(\\d+)");

    @LocalServerPort
    int port;

    private ServiceClient service;

    @DynamicPropertySource
    static void rulesCopyAndAdminToken(DynamicPropertyRegistry registry) {
        ServiceClient.ownServiceReloadedByHand(registry, RULES, TOKEN);
    }

    @BeforeEach
    void connect() {
        service = new ServiceClient(port);
    }

    @Test
    void theDiffFromTheVersionThatAnsweredToCurrentNamesTheChangedRule() throws Exception {
        String answered = service.evaluate(ServiceClient.TEAM_A).get("rulesVersion").asString();
        WeightChange change = raiseTheAdminWeight();

        JsonNode diff = service.getOk("/api/v1/rulesets/" + answered + "/diff/current");

        assertThat(diff.get("from").asString()).isEqualTo(answered);
        assertThat(diff.get("to").asString()).isEqualTo(change.version());
        assertThat(diff.at("/rules/added").isEmpty()).isTrue();
        assertThat(diff.at("/rules/removed").isEmpty()).isTrue();
        assertThat(diff.at("/rules/changed")).hasSize(1);
        JsonNode rule = diff.at("/rules/changed/0");
        assertThat(rule.get("name").asString()).isEqualTo(ADMIN_RULE);
        assertThat(rule.get("file").asString()).isEqualTo("factors.drl");
        assertThat(rule.get("changes")).hasSize(1);
        assertThat(rule.at("/changes/0/aspect").asString()).isEqualTo("CONSEQUENCE");
        assertThat(rule.at("/changes/0/before").asString()).contains("Option.DJANGO_ORM, " + change.before() + " )");
        assertThat(rule.at("/changes/0/after").asString()).contains("Option.DJANGO_ORM, " + change.after() + " )");
        assertThat(diff.get("files")).hasSize(1);
        assertThat(diff.at("/files/0/path").asString()).isEqualTo("factors.drl");
        assertThat(diff.at("/files/0/unifiedDiff").asString())
                .contains("\n-    insert( new Evidence( Option.DJANGO_ORM, " + change.before() + " ) );\n"
                        + "+    insert( new Evidence( Option.DJANGO_ORM, " + change.after() + " ) );\n");
        assertThat(diff.at("/statements/gained").isEmpty()).isTrue();
        assertThat(diff.at("/statements/lost").isEmpty()).isTrue();
        assertThat(diff.get("unreadable").isEmpty()).isTrue();

        JsonNode back = service.getOk("/api/v1/rulesets/current/diff/" + answered);
        assertThat(back.get("from").asString()).isEqualTo(change.version());
        assertThat(back.at("/rules/changed/0/changes/0/after").asString())
                .contains("Option.DJANGO_ORM, " + change.before() + " )");
    }

    @Test
    void aVersionDiffedWithItselfHasNoChanges() throws Exception {
        JsonNode diff = service.getOk("/api/v1/rulesets/current/diff/current");

        assertThat(diff.get("from").asString()).isEqualTo(diff.get("to").asString()).hasSize(16);
        assertThat(diff.at("/rules/changed").isEmpty()).isTrue();
        assertThat(diff.get("files").isEmpty()).isTrue();
    }

    @Test
    void anUnknownVersionIs404NamingTheParameter() throws Exception {
        assertNotFound("/api/v1/rulesets/0123456789abcdef/diff/current", "from");
        assertNotFound("/api/v1/rulesets/current/diff/no-such-version", "to");
        assertNotFound("/api/v1/rulesets/0123456789abcdef/bundle", "version");
    }

    @Test
    void theBundleOfCurrentIsTheWholeRulesFolderAsItIsNow() throws Exception {
        String version = service.status().get("version").asString();

        HttpResponse<byte[]> response = service.getBytes("/api/v1/rulesets/current/bundle");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/gzip");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rules-" + version + ".tar.gz\"");
        Map<String, String> entries = entries(response.body());
        assertThat(entries).containsKeys("rules/factors.drl", "rules/best-fits.drl.csv", "rules/verdict.drl",
                "rules/statements.yaml", "rules/scenarios/article-team-a-saas-startup.yaml");
        assertThat(entries.keySet()).allMatch(name -> name.startsWith("rules/"));
        try (var files = Files.walk(RULES)) {
            assertThat(entries).hasSize((int) files.filter(Files::isRegularFile).count());
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey())
                    .isEqualTo(Files.readString(RULES.resolve(entry.getKey().substring("rules/".length()))));
        }
    }

    @Test
    void theBundleOfAStoredVersionHoldsItsRuleFilesAsTheyWere() throws Exception {
        String answered = service.evaluate(ServiceClient.TEAM_A).get("rulesVersion").asString();
        String factorsThen = Files.readString(RULES.resolve("factors.drl"));
        WeightChange change = raiseTheAdminWeight();

        HttpResponse<byte[]> response = service.getBytes("/api/v1/rulesets/" + answered + "/bundle");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rules-" + answered + ".tar.gz\"");
        Map<String, String> entries = entries(response.body());
        assertThat(entries.keySet()).containsExactly("rules/best-fits.drl.csv", "rules/choose-django-orm.drl",
                "rules/choose-sqlalchemy.drl", "rules/factors.drl", "rules/mistakes.drl", "rules/verdict.drl");
        assertThat(entries.get("rules/factors.drl")).isEqualTo(factorsThen)
                .isNotEqualTo(Files.readString(RULES.resolve("factors.drl")));
        assertThat(change.version()).isNotEqualTo(answered);
    }

    private void assertNotFound(String path, String parameter) throws Exception {
        HttpResponse<String> response = service.get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ServiceClient.json(response);
        assertThat(problem.get("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).contains("the " + parameter + " parameter");
    }

    /** Every entry of a {@code .tar.gz}, read back with commons-compress. */
    private static Map<String, String> entries(byte[] targz) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(targz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private record WeightChange(int before, int after, String version) {
    }

    /** One more point for the admin interface, reloaded into service. */
    private WeightChange raiseTheAdminWeight() throws Exception {
        Path factors = RULES.resolve("factors.drl");
        String text = Files.readString(factors);
        Matcher weight = ADMIN_WEIGHT.matcher(text);
        assertThat(weight.find()).as("the admin rule's weight in factors.drl").isTrue();
        int before = Integer.parseInt(weight.group(2));
        Files.writeString(factors, weight.replaceFirst("$1" + (before + 1)));
        HttpResponse<String> reload = service.post("/api/v1/rules/reload", "", TOKEN);
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(ServiceClient.json(reload).at("/lastReload/ok").asBoolean()).as(reload.body()).isTrue();
        return new WeightChange(before, before + 1, ServiceClient.json(reload).get("version").asString());
    }
}
