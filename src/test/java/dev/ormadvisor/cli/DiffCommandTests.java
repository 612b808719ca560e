package dev.ormadvisor.cli;

import static dev.ormadvisor.cli.CommandRun.replaceIn;
import static dev.ormadvisor.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ShippedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A reviewer compares the rules folder before and after a change, as in a pull request. */
class DiffCommandTests {

    private static final String ADMIN_RULE = "People who need an admin interface favour Django ORM";
    private static final String ADMIN_WEIGHT = """
                Project( needsAdminInterface == true )
            then
                insert( new Evidence( Option.DJANGO_ORM, 3 ) );""";

    @TempDir
    Path tmp;

    @Test
    void printsTheChangedRuleThenTheUnifiedDiff() throws IOException {
        Path before = ShippedRules.copyTo(tmp.resolve("before"));
        Path after = ShippedRules.copyTo(tmp.resolve("after"));
        replaceIn(after.resolve("factors.drl"), ADMIN_WEIGHT, ADMIN_WEIGHT.replace(", 3 )", ", 4 )"));
        Files.writeString(after.resolve("small-teams.drl"), ShippedRules.EXTRA_RULE);

        CommandRun diff = run("diff", before.toString(), after.toString());

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.err()).isEmpty();
        assertThat(diff.out())
                .containsPattern("^Rules " + Pattern.quote(before.toString())
                        + " \\(version [0-9a-f]{16}\\) -> ")
                .contains("1 rule added, 0 removed, 1 changed\n")
                .contains("\nAdded:\n  + Small teams move faster with Django ORM\n")
                .contains("\nChanged:\n~ " + ADMIN_RULE + " (factors.drl:9)\n"
                        + "    consequence:\n"
                        + "      - insert( new Evidence( Option.DJANGO_ORM, 3 ) );\n"
                        + "      + insert( new Evidence( Option.DJANGO_ORM, 4 ) );\n")
                .contains("\nStatements that gained rules:\n  DJ-2: Small teams move faster with Django ORM\n")
                .doesNotContain("Statements that lost rules")
                .contains("\n--- a/factors.drl\n+++ b/factors.drl\n")
                .contains("\n-    insert( new Evidence( Option.DJANGO_ORM, 3 ) );\n"
                        + "+    insert( new Evidence( Option.DJANGO_ORM, 4 ) );\n")
                .contains("\n--- /dev/null\n+++ b/small-teams.drl\n");
        assertThat(diff.out().indexOf("Changed:")).isLessThan(diff.out().indexOf("--- a/factors.drl"));
    }

    @Test
    void printsTheSameJsonAsTheService() throws IOException {
        Path before = ShippedRules.copyTo(tmp.resolve("before"));
        Path after = ShippedRules.copyTo(tmp.resolve("after"));
        replaceIn(after.resolve("verdict.drl"), "salience -10", "salience -5");

        CommandRun diff = run("diff", before.toString(), after.toString(), "--format", "json");

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(diff.out());
        assertThat(json.get("from").asString()).hasSize(16).isNotEqualTo(json.get("to").asString());
        assertThat(json.at("/rules/changed/0/name").asString()).isEqualTo("Add up the evidence for each option");
        assertThat(json.at("/rules/changed/0/changes/0/aspect").asString()).isEqualTo("SALIENCE");
        assertThat(json.at("/rules/changed/0/changes/0/before").asString()).isEqualTo("-10");
        assertThat(json.at("/rules/changed/0/changes/0/after").asString()).isEqualTo("-5");
        assertThat(json.at("/files/0/path").asString()).isEqualTo("verdict.drl");
        assertThat(json.at("/files/0/unifiedDiff").asString()).contains("\n-    salience -10\n+    salience -5\n");
    }

    @Test
    void sameFoldersHaveNoDifferences() {
        CommandRun diff = run("diff", "rules", "rules");

        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).endsWith("No differences: the rule files are the same.\n");
    }

    @Test
    void aFolderThatCannotBeReadExitsTwoSayingWhich() {
        CommandRun diff = run("diff", "rules", tmp.resolve("missing").toString());

        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.out()).isEmpty();
        assertThat(diff.err()).contains(tmp.resolve("missing").toAbsolutePath().toString()).contains("does not exist");
    }

    @Test
    void aFolderWithoutRuleFilesExitsTwo() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));

        CommandRun diff = run("diff", "rules", tmp.resolve("empty").toString());

        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err()).contains("holds no .drl");
    }

    @Test
    void wrongUsageExitsTwoWithTheUsage() {
        CommandRun oneFolder = run("diff", "rules");
        CommandRun unknownOption = run("diff", "rules", "rules", "--context", "5");

        assertThat(oneFolder.exitCode()).isEqualTo(2);
        assertThat(oneFolder.err()).startsWith("diff: needs two rules folders, DIR_A and DIR_B, but got rules\n")
                .contains("Usage: java -jar orm-advisor.jar diff DIR_A DIR_B");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("diff: unknown option --context");
    }

    @Test
    void helpPrintsTheUsage() {
        CommandRun help = run("diff", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar orm-advisor.jar diff DIR_A DIR_B");
    }
}
