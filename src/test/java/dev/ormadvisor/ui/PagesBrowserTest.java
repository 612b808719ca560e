package dev.ormadvisor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages in a real (headless) browser against the whole service with its own copy of the rules: a team asks,
 * an auditor finds the answer again, a domain expert sees a broken save. Each test leaves a screenshot in
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest extends BrowserTest {

    private static final Path RULES = ShippedRules.copyToTemporaryFolder();
    private static final String ADMIN_WEIGHT = """
                Project( needsAdminInterface == true )
            then
                insert( new Evidence( Option.DJANGO_ORM, 3 ) );""";

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules.dir", RULES::toString);
        registry.add("advisor.rules.quiet-period", () -> "200ms");
    }

    @Test
    @Order(1)
    void teamAFillsTheQuestionnaireAndGetsDjangoOrmWithAReceipt() throws Exception {
        askPage();
        select("f-project-framework", "UNDECIDED");
        select("f-project-type", "SAAS");
        select("f-project-mostlyCrud", "true");
        select("f-project-needsAdminInterface", "true");
        select("f-project-requirementsChangeWeekly", "true");
        type("f-project-monthsToDeadline", "3");
        type("f-team-size", "4");
        select("f-team-hasDatabaseSpecialist", "false");
        type("f-label", "Team A by hand");
        submit();

        assertThat(verdictChoice()).isEqualTo("DJANGO_ORM");
        assertThat(text("verdict-choice")).isEqualTo("Django ORM");
        assertThat(text("verdict-confidence")).isEqualTo("HIGH");
        List<WebElement> fired = browser.driver.findElements(By.cssSelector("#fired-rules .fired-rule"));
        assertThat(fired).isNotEmpty();
        assertThat(text("fired-rules")).contains("A mostly CRUD app fits Django ORM", "DJ-3", "choose-django-orm.drl");
        assertThat(browser.driver.findElements(By.cssSelector("#fired-rules .statement"))).isNotEmpty();

        String id = text("answer-id");
        String log = text("receipt-log");
        assertThat(log).isNotBlank();
        assertThat(text("receipt-index")).as("the first record of a fresh log").isEqualTo("0");
        assertThat(text("receipt-leaf-hash")).matches("[A-Za-z0-9+/]{43}=");
        assertThat(text("receipt-proof")).as("a tree of one leaf needs no proof hashes").isEqualTo("0 hashes");
        assertThat(text("receipt-checkpoint")).startsWith("orm-advisor/audit/" + log + "\n1\n").contains("\n\n— ");
        assertThat(text("receipt-command")).matches("java -jar orm-advisor\\.jar audit verify-receipt receipt-"
                + id + "\\.json --key \\S+\\+[0-9a-f]{8}\\+\\S+");
        browser.screenshot("ask-team-a-django-orm");

        WebElement download = browser.driver.findElement(By.id("download-receipt"));
        assertThat(download.getText()).isEqualTo("Download receipt");
        download.click();
        Path file = browser.downloads.resolve("receipt-" + id + ".json");
        browser.waiting().withMessage(() -> "downloads: " + List.of(browser.downloads.toFile().list()))
                .until(driver -> Files.isRegularFile(file));
        JsonNode receipt = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(receipt.get("log").asString()).isEqualTo(log);
        assertThat(receipt.get("index").asLong()).isZero();
        assertThat(receipt.get("leafHash").asString()).isEqualTo(text("receipt-leaf-hash"));
        assertThat(receipt.get("checkpoint").asString().strip()).isEqualTo(text("receipt-checkpoint").strip());
        assertThat(receipt.get("inclusionProof").isArray()).isTrue();
        assertThat(receipt.propertyNames())
                .containsExactlyInAnyOrder("log", "origin", "index", "leafHash", "checkpoint", "inclusionProof");
        assertThat(Files.readString(file)).as("pretty-printed").startsWith("{\n  \"");
    }

    @Test
    @Order(2)
    void teamBLoadsTheExampleAndGetsSqlalchemy() {
        askPage();
        browser.driver.findElement(By.id("load-team-b")).click();
        waitForValue("f-project-framework", "FASTAPI");
        assertThat(browser.driver.findElement(By.id("f-label")).getDomProperty("value"))
                .isEqualTo("Article team B: logistics backend platform");
        submit();

        assertThat(verdictChoice()).isEqualTo("SQLALCHEMY");
        assertThat(text("fired-rules")).contains("SA-1");
        browser.screenshot("ask-team-b-sqlalchemy");

        browser.resize(390, 844);
        browser.screenshot("ask-team-b-phone");
    }

    @Test
    @Order(3)
    void aValueTheServiceRefusesIsShownNextToItsField() {
        askPage();
        browser.driver.findElement(By.id("load-team-a")).click();
        waitForValue("f-team-size", "4");
        type("f-team-size", "-1");
        submit();

        WebElement error = browser.waiting().until(visibilityOfElementLocated(By.id("e-team-size")));
        assertThat(error.getText()).contains("team.size");
        WebElement field = browser.driver.findElement(By.cssSelector("[data-field='team.size']"));
        assertThat(field.getAttribute("class")).contains("invalid");
        assertThat(browser.driver.findElement(By.id("f-team-size")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("result")).getText()).isEmpty();
        assertThat(browser.driver.findElement(By.id("error-summary")).getText()).contains("team.size");
        assertThat(browser.driver.findElements(By.cssSelector(".field-error:not([hidden])"))).hasSize(1);

        type("f-team-size", "4");
        submit();
        assertThat(verdictChoice()).isEqualTo("DJANGO_ORM");
        assertThat(browser.driver.findElements(By.cssSelector(".field-error:not([hidden])"))).isEmpty();
        browser.resize(1280, 1000);
        type("f-team-size", "-1");
        submit();
        browser.waiting().until(visibilityOfElementLocated(By.id("e-team-size")));
        browser.screenshot("ask-refused-team-size");
    }

    @Test
    @Order(4)
    void anAuditorFindsTheEvaluationAndOpensIt() {
        browser.go("/audit");
        browser.waiting().until(visibilityOfElementLocated(By.id("evaluations")));
        new Select(browser.driver.findElement(By.id("q-choice"))).selectByValue("SQLALCHEMY");
        browser.driver.findElement(By.id("apply-filters")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("count"), "1 evaluation"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#evaluations tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Article team B", "SQLAlchemy");
        assertThat(cell(rows.get(0), "index")).isEqualTo("1");
        assertThat(cell(rows.get(0), "leaf")).isEqualTo("✓ matches");
        browser.screenshot("audit-list-filtered");
        browser.resize(390, 844);
        browser.screenshot("audit-list-phone");
        browser.resize(1280, 1000);

        rows.get(0).findElement(By.cssSelector("a.open")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("verdict-choice")));
        assertThat(verdictChoice()).isEqualTo("SQLALCHEMY");
        assertThat(text("detail-facts")).contains("\"framework\": \"FASTAPI\"", "\"size\": 6");
        assertThat(browser.driver.findElement(By.id("ruleset-link")).getAttribute("href"))
                .contains("/api/v1/rulesets/");
        assertThat(text("detail-log")).contains(", index 1 · ");
        assertThat(browser.driver.findElement(By.id("receipt-link")).getAttribute("href"))
                .matches(".*/api/v1/evaluations/[^/]+/receipt");
        browser.screenshot("audit-detail");

        browser.driver.findElement(By.id("back")).click();
        browser.waiting().until(visibilityOfElementLocated(By.id("filters")));
        browser.driver.findElement(By.id("clear-filters")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#evaluations tbody tr")).size() >= 3);
        List<WebElement> all = browser.driver.findElements(By.cssSelector("#evaluations tbody tr"));
        assertThat(all.get(0).getText()).as("newest first").contains("Article team A");
        assertThat(all.get(all.size() - 1).getText()).as("oldest last").contains("Team A by hand");
        assertThat(all).as("refused answers are not recorded").hasSize(3);
        assertThat(all.stream().map(row -> cell(row, "index"))).containsExactly("2", "1", "0");
        assertThat(all.stream().map(row -> cell(row, "log")).distinct()).hasSize(1).doesNotContain("—");
        assertThat(all.stream().map(row -> cell(row, "leaf"))).containsOnly("✓ matches");

        browser.driver.findElement(By.id("verify")).click();
        WebElement summary = browser.waiting().until(visibilityOfElementLocated(By.id("verify-summary")));
        assertThat(summary.getAttribute("data-ok")).isEqualTo("true");
        assertThat(summary.getText()).isEqualTo("✓ Verified: 3 records in 1 log match their signed checkpoints.");
        List<WebElement> logs = browser.driver.findElements(By.cssSelector("#verify-logs tbody tr"));
        assertThat(logs).hasSize(1);
        assertThat(cell(logs.get(0), "size")).isEqualTo("3");
        assertThat(cell(logs.get(0), "checked")).isEqualTo("3");
        assertThat(cell(logs.get(0), "result")).isEqualTo("✓ ok");
        assertThat(cell(logs.get(0), "mismatch")).isEqualTo("—");
        assertThat(logs.get(0).getText()).contains(cell(all.get(0), "log"));
        browser.screenshot("audit-list-verified");
    }

    @Test
    @Order(5)
    void aBrokenRuleFileIsShownWithFileLineAndMessage() throws Exception {
        browser.go("/rules");
        browser.waiting().until(visibilityOfElementLocated(By.id("rules-table")));
        assertThat(text("rules-table")).contains("choose-django-orm.drl:9", "Building a Django app means Django ORM");
        assertThat(text("reload-outcome")).contains("succeeded");

        Files.writeString(RULES.resolve("small-teams.drl"),
                ShippedRules.EXTRA_RULE.replace("size <= 5", "sise <= 5"));

        browser.waiting(Duration.ofSeconds(15))
                .until(visibilityOfElementLocated(By.id("reload-errors")));
        assertThat(text("reload-errors")).startsWith("small-teams.drl:9: ");
        assertThat(text("reload-outcome")).contains("rejected");
        browser.screenshot("rules-broken-save");
        browser.resize(390, 844);
        browser.screenshot("rules-broken-save-phone");
        browser.resize(1280, 1000);

        Files.delete(RULES.resolve("small-teams.drl"));
        browser.waiting(Duration.ofSeconds(15))
                .until(textToBePresentInElementLocated(By.id("reload-outcome"), "succeeded"));
        assertThat(browser.driver.findElements(By.id("reload-errors"))).isEmpty();
    }

    @Test
    @Order(6)
    void whenTheServiceCannotBeReachedTheAskPageSaysSo() {
        askPage();
        browser.driver.findElement(By.id("load-team-a")).click();
        waitForValue("f-team-size", "4");
        ChromiumDriver chromium = (ChromiumDriver) browser.driver;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.setNetworkConditions(offline);
        try {
            submit();
            WebElement banner = browser.waiting().until(visibilityOfElementLocated(By.id("banner")));
            assertThat(banner.getText()).contains("cannot be reached");
            assertThat(browser.driver.findElement(By.id("result")).getText()).isEmpty();
            assertThat(browser.driver.findElement(By.id("submit")).isEnabled()).isTrue();
            browser.screenshot("ask-service-unreachable");
        } finally {
            chromium.deleteNetworkConditions();
        }
    }

    @Test
    @Order(7)
    void aRecordEditedBehindTheServicesBackIsMarkedInTheListAndByVerify() {
        String id = jdbc.queryForObject("SELECT id FROM audit_evaluation WHERE log_index = 1", String.class);
        String label = jdbc.queryForObject("SELECT label FROM audit_evaluation WHERE log_index = 1", String.class);
        jdbc.update("UPDATE audit_evaluation SET label = 'edited' WHERE log_index = 1");
        try {
            browser.go("/audit");
            browser.waiting().until(visibilityOfElementLocated(By.id("evaluations")));
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#evaluations tbody tr"));
            assertThat(rows.stream().map(row -> cell(row, "leaf")))
                    .containsExactly("✓ matches", "✗ does not match", "✓ matches");
            assertThat(rows.get(1).getText()).contains("edited");

            browser.driver.findElement(By.id("verify")).click();
            WebElement summary = browser.waiting().until(visibilityOfElementLocated(By.id("verify-summary")));
            assertThat(summary.getAttribute("data-ok")).isEqualTo("false");
            assertThat(summary.getText()).startsWith("✗ Mismatch in log ").contains("index 1, evaluation " + id + ": ");
            WebElement log = browser.driver.findElement(By.cssSelector("#verify-logs tbody tr"));
            assertThat(cell(log, "result")).isEqualTo("✗ mismatch");
            assertThat(cell(log, "checked")).isEqualTo("1");
            assertThat(cell(log, "mismatch")).startsWith("index 1, evaluation " + id + ": ");
            browser.screenshot("audit-record-edited");
        } finally {
            jdbc.update("UPDATE audit_evaluation SET label = ? WHERE log_index = 1", label);
        }
    }

    @Test
    @Order(8)
    void anAuditorSeesWhatChangedSinceADecision() throws Exception {
        String before = new ServiceClient(port).status().get("version").asString();
        changeFactors(ADMIN_WEIGHT, ADMIN_WEIGHT.replace(", 3 )", ", 4 )"));
        try {
            new ServiceClient(port).awaitStatus(status -> !status.get("version").asString().equals(before),
                    Duration.ofSeconds(15));
            browser.go("/audit");
            browser.waiting().until(visibilityOfElementLocated(By.id("evaluations")));
            browser.driver.findElement(By.cssSelector("#evaluations tbody tr a.open")).click();
            WebElement link = browser.waiting().until(visibilityOfElementLocated(By.id("changes-link")));
            assertThat(link.getText()).isEqualTo("what changed since this decision");
            link.click();

            WebElement rule = browser.waiting().until(visibilityOfElementLocated(
                    By.cssSelector("#changed-rules .rule-change")));
            assertThat(text("from-version")).isEqualTo(before);
            assertThat(text("diff-summary")).isEqualTo("0 rules added, 0 removed, 1 changed · 1 file differs.");
            assertThat(rule.getAttribute("data-rule")).isEqualTo("People who need an admin interface favour Django ORM");
            assertThat(rule.findElement(By.cssSelector(".aspect-name")).getText())
                    .isEqualTo("Consequence (where the weight is)");
            assertThat(rule.findElement(By.cssSelector("pre.before")).getText())
                    .isEqualTo("insert( new Evidence( Option.DJANGO_ORM, 3 ) );");
            assertThat(rule.findElement(By.cssSelector("pre.after")).getText())
                    .isEqualTo("insert( new Evidence( Option.DJANGO_ORM, 4 ) );");
            WebElement file = browser.driver.findElement(By.cssSelector("#file-diffs details.file-diff"));
            assertThat(file.getAttribute("data-path")).isEqualTo("factors.drl");
            assertThat(file.findElements(By.cssSelector("pre.diff .del")).stream().map(WebElement::getText))
                    .containsExactly("-    insert( new Evidence( Option.DJANGO_ORM, 3 ) );");
            assertThat(file.findElements(By.cssSelector("pre.diff .add")).stream().map(WebElement::getText))
                    .containsExactly("+    insert( new Evidence( Option.DJANGO_ORM, 4 ) );");
            browser.screenshot("audit-what-changed");
            browser.resize(390, 844);
            browser.screenshot("audit-what-changed-phone");
        } finally {
            changeFactors(ADMIN_WEIGHT.replace(", 3 )", ", 4 )"), ADMIN_WEIGHT);
        }
    }

    /** Saves factors.drl with one passage changed, as an editor would: the watcher reloads it. */
    private static void changeFactors(String passage, String replacement) throws IOException {
        Path factors = RULES.resolve("factors.drl");
        String text = Files.readString(factors);
        assertThat(text).contains(passage);
        Files.writeString(factors, text.replace(passage, replacement));
    }

    private static String cell(WebElement row, String name) {
        return row.findElement(By.cssSelector("td." + name)).getText();
    }

    private void askPage() {
        browser.go("/");
        browser.waiting().until(driver -> "true".equals(driver.findElement(By.id("ask")).getDomAttribute("data-ready")));
    }

    private void waitForValue(String id, String value) {
        browser.waiting().withMessage(() -> id + " is '" + browser.driver.findElement(By.id(id)).getDomProperty("value")
                + "'; page says: " + text("banner") + " " + text("error-summary"))
                .until(driver -> value.equals(driver.findElement(By.id(id)).getDomProperty("value")));
    }

    private void select(String id, String value) {
        new Select(browser.driver.findElement(By.id(id))).selectByValue(value);
    }

    private void type(String id, String value) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void submit() {
        browser.driver.findElement(By.id("submit")).click();
    }

    private String verdictChoice() {
        return browser.waiting().until(visibilityOfElementLocated(By.id("verdict-choice"))).getAttribute("data-choice");
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }
}
