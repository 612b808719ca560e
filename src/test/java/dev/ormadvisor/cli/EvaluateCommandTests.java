package dev.ormadvisor.cli;

import static dev.ormadvisor.cli.CommandRun.replaceIn;
import static dev.ormadvisor.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void theArticlesTeamAGetsDjangoOrmInTheApisJsonShape() {
        CommandRun evaluate = run("evaluate", "examples/team-a.json", "--rules", "rules");

        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode answer = JSON.readTree(evaluate.out());
        assertThat(new ArrayList<>(answer.propertyNames())).containsExactly("id", "rulesVersion", "evaluatedAt",
                "label", "verdict", "firedRules", "warnings");
        assertThat(answer.get("id").asString()).isNotBlank();
        assertThat(answer.get("rulesVersion").asString()).matches("[0-9a-f]{16}");
        assertThat(answer.get("evaluatedAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(answer.get("label").asString()).isEqualTo("Article team A: early-stage B2B SaaS");
        assertThat(answer.at("/verdict/choice").asString()).isEqualTo("DJANGO_ORM");
        assertThat(answer.at("/verdict/confidence").asString()).isEqualTo("HIGH");
        assertThat(new ArrayList<>(answer.at("/verdict/scores").propertyNames()))
                .containsExactly("DJANGO_ORM", "SQLALCHEMY");
        JsonNode firstRule = answer.get("firedRules").get(0);
        assertThat(new ArrayList<>(firstRule.propertyNames())).containsExactly("name", "statements", "kind",
                "explanation", "file", "evidence");
        assertThat(answer.get("firedRules").findValuesAsString("name"))
                .contains("When product iteration is the bottleneck, Django ORM wins");
        assertThat(answer.get("warnings").isArray()).isTrue();
    }

    @Test
    void theArticlesTeamBGetsSqlalchemy() {
        CommandRun evaluate = run("evaluate", "examples/team-b.json");

        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(JSON.readTree(evaluate.out()).at("/verdict/choice").asString()).isEqualTo("SQLALCHEMY");
    }

    @Test
    void theTextFormatSummarisesVerdictScoresFiredRulesAndWarnings() {
        CommandRun evaluate = run("evaluate", "examples/django-app-leaning-sqlalchemy.json", "--format", "text");

        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out())
                .contains("Verdict: DJANGO_ORM (confidence ")
                .containsPattern("Scores: +DJANGO_ORM \\d+, SQLALCHEMY \\d+")
                .containsPattern("(?m)^ +1\\. \\[DJ-1\\] Building a Django app means Django ORM  \\+5 DJANGO_ORM$")
                .containsPattern("(?m)^  MISTAKE-1 \\(Treating SQLAlchemy as the advanced option, therefore better\\): "
                        + "More control is not automatically more value\\.");
    }

    @Test
    void anUnknownFieldIsRefusedLikeTheApiDoesNamingTheField() throws IOException {
        Path facts = Files.writeString(tmp.resolve("facts.json"), """
                {"project": {"framework": "DJANGO", "mostlyCRUD": true}}
                """);

        CommandRun evaluate = run("evaluate", facts.toString());

        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).contains(facts + ": field 'project.mostlyCRUD' is not a known field")
                .contains("mostlyCrud");
        assertThat(evaluate.out()).isEmpty();
    }

    @Test
    void aNumberWrittenAsAStringIsRefusedNamingTheField() throws IOException {
        Path facts = Files.writeString(tmp.resolve("facts.json"), """
                {"team": {"size": "4"}}
                """);

        CommandRun evaluate = run("evaluate", facts.toString());

        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).contains("field 'team.size' must be a whole number");
    }

    @Test
    void aValueOutsideTheApisLimitsIsRefusedNamingTheField() throws IOException {
        Path facts = Files.writeString(tmp.resolve("facts.json"), """
                {"project": {"monthsToDeadline": -1}}
                """);

        CommandRun evaluate = run("evaluate", facts.toString());

        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).contains("field 'project.monthsToDeadline' must be greater than or equal to 0");
    }

    @Test
    void aMissingFactsFileIsAnErrorNamingIt() {
        CommandRun evaluate = run("evaluate", "examples/no-such-team.json");

        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).contains("examples/no-such-team.json: no such file");
    }

    @Test
    void rulesThatDoNotCompileExitWithTwoAndFileAndLine() {
        Path rules = ShippedRules.copyTo(tmp.resolve("rules"));
        replaceIn(rules.resolve("factors.drl"), "needsAdminInterface == true )", "needsAdminInterfaces == true )");

        CommandRun evaluate = run("evaluate", "examples/team-a.json", "--rules", rules.toString());

        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).containsPattern("(?m)^factors\\.drl:\\d+: ");
    }

    @Test
    void withoutAFactsFileItIsAUsageError() {
        CommandRun evaluate = run("evaluate", "--format", "text");

        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).startsWith("evaluate: needs exactly one facts file").contains("Usage:");
    }

    @Test
    void helpExplainsTheOptionsAndExitsWithZero() {
        CommandRun help = run("evaluate", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar orm-advisor.jar evaluate FILE.json")
                .contains("--format json|text");
    }
}
