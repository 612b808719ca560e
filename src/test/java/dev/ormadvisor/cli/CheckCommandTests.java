package dev.ormadvisor.cli;

import static dev.ormadvisor.cli.CommandRun.replaceIn;
import static dev.ormadvisor.cli.CommandRun.run;
import static dev.ormadvisor.cli.CommandRun.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandTests {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");
    private static final String TEAM_A =
            "Article team A: early-stage SaaS startup, shipping in three months → DJANGO_ORM";
    private static final String UNTESTED_RULE = """
            package rules;

            import dev.ormadvisor.facts.*;
            import dev.ormadvisor.conclusions.*;

            rule "Django projects due in exactly 599 months fit Django ORM"
                @statements("DJ-3") @kind("CHOOSE")
                @explanation("A rule written for these tests, which no scenario triggers.")
            when
                Project( framework == Framework.DJANGO, monthsToDeadline == 599 )
            then
                insert( new Evidence( Option.DJANGO_ORM, 1 ) );
            end
            """;

    @TempDir
    Path tmp;

    @Test
    void theShippedRulesPassEveryScenarioAndReportCoverage() throws IOException {
        CommandRun check = run("check", "--rules", "rules");

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).containsPattern("(?m)^PASS +DJANGO_ORM +DJANGO_ORM +" + Pattern.quote(TEAM_A) + "$")
                .doesNotContain("FAIL")
                .contains("Coverage: how many scenarios fire each rule")
                .containsPattern("(?m)^choose-django-orm\\.drl:\\d+ +\\d+  A mostly CRUD app fits Django ORM$")
                .containsPattern("Coverage: \\d+ of \\d+ rules fired by at least one scenario \\(\\d+\\.\\d%");
        assertThat(lastLine(check.out())).isEqualTo(shippedScenarioCount() + " passed, 0 failed");
    }

    @Test
    void aScenarioExpectingTheWrongVerdictFailsTheCheckAndIsShownWithItsFailure() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("scenarios/article-team-a-saas-startup.yaml"), "verdict: DJANGO_ORM",
                "verdict: SQLALCHEMY");

        CommandRun check = run("check", "--rules", rules.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .containsPattern("(?m)^FAIL +SQLALCHEMY +DJANGO_ORM +" + Pattern.quote(TEAM_A) + "$")
                .contains("        in scenarios/article-team-a-saas-startup.yaml:")
                .contains("        - expected verdict SQLALCHEMY but got DJANGO_ORM")
                .contains("FAILED: 1 of " + shippedScenarioCount() + " scenarios failed");
        assertThat(lastLine(check.out())).isEqualTo((shippedScenarioCount() - 1) + " passed, 1 failed");
    }

    @Test
    void aMinimumCoverageOfAHundredFailsWhenARuleIsFiredByNoScenarioAndListsThatRule() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        Files.writeString(rules.resolve("untested.drl"), UNTESTED_RULE);

        CommandRun check = run("check", "--rules", rules.toString(), "--min-coverage", "100");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .containsPattern("(?m)^Rules no scenario fires \\(1\\):\\R  untested\\.drl:6 +"
                        + "Django projects due in exactly 599 months fit Django ORM$")
                .containsPattern("FAILED: coverage \\d+\\.\\d% is below --min-coverage 100\\.0%");
        assertThat(lastLine(check.out())).isEqualTo(shippedScenarioCount() + " passed, 0 failed");
    }

    @Test
    void anUntestedRuleIsOnlyReportedWhenNoMinimumCoverageIsAsked() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        Files.writeString(rules.resolve("untested.drl"), UNTESTED_RULE);

        CommandRun check = run("check", "--rules", rules.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("Rules no scenario fires (1):");
    }

    @Test
    void rulesThatDoNotCompileExitWithTwoAndEveryErrorAsFileAndLine() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("factors.drl"), "needsAdminInterface == true )", "needsAdminInterfaces == true )");

        CommandRun check = run("check", "--rules", rules.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).containsPattern("(?m)^factors\\.drl:\\d+: .*needsAdminInterfaces");
        assertThat(check.out()).isEmpty();
    }

    @Test
    void aBrokenCellOfADecisionTableExitsWithTwoNamingTheTableRowAndColumn() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("best-fits.drl.csv"), "mostlyCrud == true || needsAdminInterface",
                "mostlyCrudd == true || needsAdminInterface");

        CommandRun check = run("check", "--rules", rules.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).containsPattern(
                "(?m)^best-fits\\.drl\\.csv:9: column D: the cell under \"And the project\": .*mostlyCrudd");
    }

    @Test
    void aRuleBeyondTheRuleLanguageFailsTheCheckWithOneNamingItsLineAndNeverRuns() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        Path marker = tmp.resolve("marker");
        Files.writeString(rules.resolve("hostile.drl"), """
                package rules;

                import dev.ormadvisor.facts.*;
                import dev.ormadvisor.conclusions.*;

                rule "Runs a command"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("Hostile.")
                when
                    Project( mostlyCrud == true )
                then
                    Runtime.getRuntime().exec( new String[] { "touch", "%s" } );
                end
                """.formatted(marker));

        CommandRun check = run("check", "--rules", rules.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.err()).contains("go beyond the rule language and are refused")
                .containsPattern("(?m)^hostile\\.drl:11: rule \"Runs a command\": .* is not allowed: a consequence"
                        + " only inserts conclusions");
        assertThat(check.out()).as("no scenario ran").isEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void theRowsOfADecisionTableAreCoveredByScenariosLikeAnyRule() throws IOException {
        CommandRun check = run("check", "--rules", "rules");

        assertThat(check.out()).containsPattern(
                "(?m)^best-fits\\.drl\\.csv:10 +[1-9][0-9]* +Internal tools fit Django ORM$");
    }

    @Test
    void theRulesFolderComesFromAdvisorRulesDirWhenNoOptionNamesIt() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("factors.drl"), "needsAdminInterface == true )", "needsAdminInterfaces == true )");

        CommandRun check = runWith(Map.of("ADVISOR_RULES_DIR", rules.toString()), "check");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("factors.drl:");
    }

    @Test
    void anUnreadableScenarioFileExitsWithTwoAndNamesTheFile() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("scenarios/article-team-a-saas-startup.yaml"), "mostlyCrud: true",
                "mostlyCRUD: true");

        CommandRun check = run("check", "--rules", rules.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("article-team-a-saas-startup.yaml").contains("mostlyCRUD");
    }

    @Test
    void theJsonFormatPrintsOneDocumentWithTheSameCountsAsTheTable() throws IOException {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("scenarios/article-team-a-saas-startup.yaml"), "verdict: DJANGO_ORM",
                "verdict: SQLALCHEMY");
        Files.writeString(rules.resolve("untested.drl"), UNTESTED_RULE);
        CommandRun table = run("check", "--rules", rules.toString());

        CommandRun json = run("check", "--rules", rules.toString(), "--format", "json");

        assertThat(json.exitCode()).isEqualTo(table.exitCode()).isEqualTo(1);
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        Matcher summary = SUMMARY.matcher(table.out());
        assertThat(summary.find()).isTrue();
        assertThat(report.at("/totals/passed").asInt()).isEqualTo(Integer.parseInt(summary.group(1)));
        assertThat(report.at("/totals/failed").asInt()).isEqualTo(Integer.parseInt(summary.group(2))).isEqualTo(1);
        assertThat(report.at("/totals/scenarios").asInt()).isEqualTo(report.get("scenarios").size())
                .isEqualTo(shippedScenarioCount());

        JsonNode teamA = report.get("scenarios").valueStream()
                .filter(scenario -> scenario.get("name").asString().equals(TEAM_A)).findFirst().orElseThrow();
        assertThat(teamA.get("file").asString()).isEqualTo("article-team-a-saas-startup.yaml");
        assertThat(teamA.get("expected").asString()).isEqualTo("SQLALCHEMY");
        assertThat(teamA.get("got").asString()).isEqualTo("DJANGO_ORM");
        assertThat(teamA.get("passed").asBoolean()).isFalse();
        assertThat(teamA.get("failures").get(0).asString())
                .startsWith("expected verdict SQLALCHEMY but got DJANGO_ORM");

        JsonNode coverage = report.get("coverage");
        assertThat(coverage.get("rules").size()).isEqualTo(coverage.get("total").asInt());
        assertThat(coverage.get("uncovered").findValuesAsString("name"))
                .containsExactly("Django projects due in exactly 599 months fit Django ORM");
        assertThat(coverage.get("covered").asInt()).isEqualTo(coverage.get("total").asInt() - 1);
        assertThat(table.out()).contains("(" + coverage.get("percentage").asDouble() + "%, minimum 0.0%)");
        assertThat(report.get("failedThresholds").get(0).asString()).isEqualTo("1 of " + shippedScenarioCount()
                + " scenarios failed");
    }

    @Test
    void helpExplainsTheOptionsAndExitsWithZero() {
        CommandRun help = run("check", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar orm-advisor.jar check [--rules DIR]")
                .contains("--min-coverage PCT").contains("--format text|json");
    }

    @Test
    void anUnknownOptionOrABadPercentageIsAUsageErrorExitingWithTwo() {
        assertThat(run("check", "--rulez", "rules").exitCode()).isEqualTo(2);
        CommandRun badPercentage = run("check", "--min-coverage", "lots");

        assertThat(badPercentage.exitCode()).isEqualTo(2);
        assertThat(badPercentage.err()).startsWith("check: --min-coverage must be a percentage from 0 to 100")
                .contains("Usage:");
        assertThat(badPercentage.out()).isEmpty();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static int shippedScenarioCount() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules", "scenarios"))) {
            return (int) files.filter(file -> file.toString().endsWith(".yaml")).count();
        }
    }
}
