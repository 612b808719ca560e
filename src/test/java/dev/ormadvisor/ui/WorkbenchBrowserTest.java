package dev.ormadvisor.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.ormadvisor.ServiceClient;
import dev.ormadvisor.ShippedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A domain expert at the workbench in a real (headless) browser, against the whole service with its own copy of
 * the rules: edit, check, see the impact, publish, and turn an audited evaluation into a scenario. Each flow leaves
 * a screenshot in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest extends BrowserTest {

    private static final Path RULES = ShippedRules.copyToTemporaryFolder();
    private static final String TOKEN = "workbench-admin-token";
    private static final Duration COMPILING = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        registry.add("advisor.rules.dir", RULES::toString);
        registry.add("advisor.rules.quiet-period", () -> "200ms");
        registry.add("advisor.admin.token", () -> TOKEN);
        ServiceClient.ownAuditDatabase(registry);
    }

    @Override
    int windowWidth() {
        return 1400;
    }

    @Test
    @Order(1)
    void theTokenIsAskedOnceThenAChangedWeightChecksCleanAndDiffsToThatRule() {
        browser.go("/workbench");
        WebElement token = browser.waiting().until(visibilityOfElementLocated(By.id("token")));
        token.sendKeys(TOKEN);
        click("use-token");
        openFile("choose-django-orm.drl");
        assertThat(script("return ace.edit('editor').session.getMode().$id")).isEqualTo("ace/mode/drools");

        replaceInEditor("Option.DJANGO_ORM, 5 ) );\n    insert( new DividingLine",
                "Option.DJANGO_ORM, 6 ) );\n    insert( new DividingLine");
        assertThat(fileButton("choose-django-orm.drl").getText()).contains("(changed)");
        click("check");

        awaitText("check-outcome", "passes every check and every scenario");
        assertThat(browser.driver.findElements(By.cssSelector("#scenario-results td.pass"))).hasSizeGreaterThan(40);
        assertThat(browser.driver.findElements(By.cssSelector("#scenario-results td.fail"))).isEmpty();
        assertThat(text("coverage")).contains("rules are fired by at least one scenario");
        assertThat(browser.driver.findElements(By.cssSelector("#diff-rules li"))).singleElement()
                .extracting(WebElement::getText)
                .isEqualTo("changed: Building a Django app means Django ORM (consequence)");
        browser.screenshot("workbench-check");

        browser.go("/workbench");
        browser.waiting().until(visibilityOfElementLocated(By.id("base-version")));
        assertThat(browser.driver.findElement(By.id("token-form")).isDisplayed()).as("the token is kept for the tab")
                .isFalse();
    }

    @Test
    @Order(2)
    void aTypoShowsInTheGutterAtItsLine() {
        openWorkbench();
        openFile("mistakes.drl");
        int line = ((Number) script("""
                const lines = ace.edit('editor').session.getValue().split('\\n');
                return lines.indexOf('then') + 1;""")).intValue();
        script("const s = ace.edit('editor').session; s.replace(new ace.Range(arguments[0] - 1, 0, arguments[0] - 1, 4), 'thne');",
                line);
        click("check");

        awaitText("check-outcome", "error(s)");
        browser.waiting().until(driver -> !driver.findElements(By.cssSelector(".ace_gutter-cell.ace_error")).isEmpty());
        List<String> errorLines = browser.driver.findElements(By.cssSelector(".ace_gutter-cell.ace_error")).stream()
                .map(WebElement::getText).map(String::strip).toList();
        assertThat(errorLines).as("gutter error marks").anyMatch(shown -> shown.equals(String.valueOf(line))
                || shown.equals(String.valueOf(line + 1)));
        assertThat(text("check-errors")).contains("mistakes.drl:");
        browser.screenshot("workbench-typo-in-gutter");
    }

    @Test
    @Order(3)
    void aHostileRuleIsRefusedAndNeverRuns() throws Exception {
        Path marker = Files.createTempDirectory("hostile").resolve("ran");
        openWorkbench();
        openFile("factors.drl");
        script("const s = ace.edit('editor').session; s.setValue(s.getValue() + arguments[0]);", """

                rule "Leaves a mark"
                    @statements("DJ-2") @kind("CHOOSE") @explanation("Hostile: writes a file.")
                when
                    Project()
                then
                    java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));
                    insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                end
                """.formatted(marker));
        click("check");

        awaitText("check-outcome", "error(s)");
        assertThat(text("check-errors")).contains("factors.drl:");
        assertThat(marker).as("the hostile consequence never ran").doesNotExist();
        browser.screenshot("workbench-hostile-rule-refused");
    }

    @Test
    @Order(4)
    void impactListsTheAuditedEvaluationTheDraftWouldChange() throws Exception {
        String id = new ServiceClient(port).evaluate(ServiceClient.TEAM_A).get("id").asString();
        openWorkbench();
        openFile("choose-sqlalchemy.drl");
        script("const s = ace.edit('editor').session; s.setValue(s.getValue() + arguments[0]);",
                ShippedRules.FLIPS_EVERY_VERDICT);
        click("impact");

        browser.waiting(COMPILING).until(visibilityOfElementLocated(By.id("impact-changes")));
        WebElement link = browser.driver.findElement(By.cssSelector("#impact-changes a[href='/audit#" + id + "']"));
        assertThat(link.findElement(By.xpath("./ancestor::tr")).getText()).contains("Django ORM", "SQLAlchemy");
        browser.screenshot("workbench-impact");
        link.click();
        awaitText("detail-heading", "Evaluation");
    }

    @Test
    @Order(5)
    void publishPutsTheDraftInServiceAndTheRulesPageShowsIt() {
        openWorkbench();
        String base = text("base-version");
        browser.driver.findElement(By.id("new-scenario-name")).sendKeys("published-from-the-workbench");
        click("add-scenario");
        assertThat(fileButton("scenarios/published-from-the-workbench.yaml").getText()).contains("(added)");
        openFile("choose-django-orm.drl");
        replaceInEditor("Option.DJANGO_ORM, 5 ) );\n    insert( new DividingLine",
                "Option.DJANGO_ORM, 6 ) );\n    insert( new DividingLine");
        click("publish");

        awaitText("publish-outcome", "is in service");
        String published = text("published-version");
        assertThat(published).isNotEqualTo(base);
        assertThat(text("base-version")).as("the next draft starts from it").isEqualTo(published);
        assertThat(RULES.resolve("scenarios/published-from-the-workbench.yaml")).exists();
        browser.screenshot("workbench-published");

        browser.go("/rules");
        awaitText("rules-version-code", published);
        assertThat(text("status-version")).isEqualTo(published);
        browser.screenshot("workbench-published-rules-page");
    }

    @Test
    @Order(6)
    void anAuditedEvaluationIsSavedAsAScenarioThatPasses() throws Exception {
        String id = new ServiceClient(port).evaluate(ServiceClient.TEAM_A.replace("{\"project\"",
                "{\"label\":\"Team A saved as a scenario\",\"project\"")).get("id").asString();
        browser.go("/audit#" + id);
        browser.waiting().until(visibilityOfElementLocated(By.id("save-as-scenario"))).click();

        String path = "scenarios/evaluation-" + id + ".yaml";
        browser.waiting().until(driver -> !driver.findElements(By.cssSelector("button.file[data-path='" + path + "']")).isEmpty());
        String scenario = (String) script("return ace.edit('editor').session.getValue();");
        assertThat(scenario).contains("name: \"Team A saved as a scenario\"", "framework: \"UNDECIDED\"",
                "verdict: \"DJANGO_ORM\"", "FACTOR-ITERATION");
        click("check");
        awaitText("check-outcome", "passes every check and every scenario");
        WebElement row = browser.driver.findElement(By.xpath("//table[@id='scenario-results']//tr[contains(., '"
                + "evaluation-" + id + ".yaml')]"));
        assertThat(row.getText()).startsWith("PASS");
        browser.screenshot("workbench-save-as-scenario");
    }

    /** The workbench on the version in service, giving the token if this tab has not kept it yet. */
    private void openWorkbench() {
        browser.go("/workbench");
        browser.driver.navigate().refresh();
        browser.waiting(COMPILING).until(driver -> driver.findElement(By.id("token-form")).isDisplayed()
                || !driver.findElements(By.id("base-version")).isEmpty());
        if (browser.driver.findElement(By.id("token-form")).isDisplayed()) {
            browser.driver.findElement(By.id("token")).sendKeys(TOKEN);
            click("use-token");
        }
        browser.waiting(COMPILING).until(visibilityOfElementLocated(By.id("base-version")));
    }

    private void openFile(String path) {
        browser.waiting().until(driver -> !driver.findElements(By.cssSelector("button.file[data-path='" + path + "']")).isEmpty());
        fileButton(path).click();
        awaitText("current-path", path);
    }

    private WebElement fileButton(String path) {
        return browser.driver.findElement(By.cssSelector("button.file[data-path='" + path + "']"));
    }

    private void replaceInEditor(String from, String to) {
        Object replaced = script("""
                const s = ace.edit('editor').session; const text = s.getValue();
                if (!text.includes(arguments[0])) return false;
                s.setValue(text.replace(arguments[0], arguments[1])); return true;""", from, to);
        assertThat(replaced).as("the editor holds " + from).isEqualTo(true);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser.driver).executeScript(code, arguments);
    }

    private void click(String id) {
        browser.driver.findElement(By.id(id)).click();
    }

    private void awaitText(String id, String text) {
        browser.waiting(COMPILING).until(textToBePresentInElementLocated(By.id(id), text));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }
}
