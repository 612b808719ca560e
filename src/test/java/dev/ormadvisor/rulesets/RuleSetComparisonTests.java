package dev.ormadvisor.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.decisiontables.Workbooks;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.rulesets.RuleSetDiff.Aspect;
import dev.ormadvisor.rulesets.RuleSetDiff.AspectChange;
import dev.ormadvisor.rulesets.RuleSetDiff.ChangedRule;
import dev.ormadvisor.rulesets.RuleSetDiff.FileChange;
import dev.ormadvisor.rulesets.RuleSetDiff.FileDiff;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Two versions of the shipped rules, one edited as a domain expert would, and what the diff says about them. */
class RuleSetComparisonTests {

    private static final String ADMIN_RULE = "People who need an admin interface favour Django ORM";
    private static final String SMALL_TEAMS_RULE = "Small teams move faster with Django ORM";

    private final RuleSetVersion shipped = RuleSetVersion.of(RuleSources.read(ShippedRules.DIR));

    @Test
    void aChangedWeightShowsExactlyThatRuleWithItsConsequenceChanged() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("factors.drl", """
                    Project( needsAdminInterface == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );""", """
                    Project( needsAdminInterface == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 4 ) );"""));

        assertThat(diff.from()).isEqualTo(shipped.version());
        assertThat(diff.to()).isEqualTo("edited");
        assertThat(diff.rules().added()).isEmpty();
        assertThat(diff.rules().removed()).isEmpty();
        assertThat(diff.rules().changed()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo(ADMIN_RULE);
            assertThat(rule.file()).isEqualTo("factors.drl");
            assertThat(rule.line()).isEqualTo(9);
            assertThat(rule.changes()).containsExactly(new AspectChange(Aspect.CONSEQUENCE,
                    "insert( new Evidence( Option.DJANGO_ORM, 3 ) );", "insert( new Evidence( Option.DJANGO_ORM, 4 ) );"));
        });
        assertThat(diff.statements().gained()).isEmpty();
        assertThat(diff.statements().lost()).isEmpty();
        assertThat(diff.unreadable()).isEmpty();
        assertThat(diff.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("factors.drl");
            assertThat(file.change()).isEqualTo(FileChange.CHANGED);
            assertThat(file.unifiedDiff()).startsWith("--- a/factors.drl\n+++ b/factors.drl\n@@ -")
                    .contains("\n-    insert( new Evidence( Option.DJANGO_ORM, 3 ) );\n"
                            + "+    insert( new Evidence( Option.DJANGO_ORM, 4 ) );\n")
                    .contains("\n     Project( needsAdminInterface == true )\n");
        });
    }

    @Test
    void anAddedRuleIsAddedAndItsStatementGainsIt() {
        RuleSetVersion extended = with(shipped, "small-teams.drl", ShippedRules.EXTRA_RULE);

        RuleSetDiff diff = RuleSetComparison.compare(shipped, extended);

        assertThat(diff.rules().added()).containsExactly(SMALL_TEAMS_RULE);
        assertThat(diff.rules().removed()).isEmpty();
        assertThat(diff.rules().changed()).isEmpty();
        assertThat(diff.statements().gained()).isEqualTo(Map.of("DJ-2", List.of(SMALL_TEAMS_RULE)));
        assertThat(diff.statements().lost()).isEmpty();
        assertThat(diff.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("small-teams.drl");
            assertThat(file.change()).isEqualTo(FileChange.ADDED);
            assertThat(file.unifiedDiff()).startsWith("--- /dev/null\n+++ b/small-teams.drl\n@@ -0,0 +1,")
                    .contains("\n+rule \"" + SMALL_TEAMS_RULE + "\"\n");
        });
    }

    @Test
    void aRemovedRuleIsRemovedAndItsStatementLosesIt() {
        RuleSetVersion extended = with(shipped, "small-teams.drl", ShippedRules.EXTRA_RULE);

        RuleSetDiff diff = RuleSetComparison.compare(extended, shipped);

        assertThat(diff.rules().added()).isEmpty();
        assertThat(diff.rules().removed()).containsExactly(SMALL_TEAMS_RULE);
        assertThat(diff.statements().lost()).isEqualTo(Map.of("DJ-2", List.of(SMALL_TEAMS_RULE)));
        assertThat(diff.statements().gained()).isEmpty();
        assertThat(diff.files()).extracting(FileDiff::path, FileDiff::change)
                .containsExactly(tuple("small-teams.drl", FileChange.REMOVED));
        assertThat(diff.files().get(0).unifiedDiff()).startsWith("--- a/small-teams.drl\n+++ /dev/null\n");
    }

    @Test
    void aChangedSalienceIsTheSalienceThatChanged() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("verdict.drl", """
                rule "Add up the evidence for each option"
                    @statements("VERDICT") @kind("VERDICT")
                    @explanation("Sums the weight every fired rule gave to Django ORM and to SQLAlchemy.")
                    salience -10""", """
                rule "Add up the evidence for each option"
                    @statements("VERDICT") @kind("VERDICT")
                    @explanation("Sums the weight every fired rule gave to Django ORM and to SQLAlchemy.")
                    salience -5"""));

        assertThat(diff.rules().changed()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Add up the evidence for each option");
            assertThat(rule.changes()).containsExactly(new AspectChange(Aspect.SALIENCE, "-10", "-5"));
        });
    }

    @Test
    void aChangedStatementTagIsAMetadataChangeAndMovesTheRuleBetweenStatements() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("factors.drl", """
                    @statements("FACTOR-ADMIN") @kind("CHOOSE")""", """
                    @statements("FACTOR-ADMIN", "DJ-2") @kind("CHOOSE")"""));

        ChangedRule rule = diff.rules().changed().get(0);
        assertThat(diff.rules().changed()).hasSize(1);
        assertThat(rule.name()).isEqualTo(ADMIN_RULE);
        assertThat(rule.changes()).extracting(AspectChange::aspect).containsExactly(Aspect.METADATA);
        assertThat(rule.changes().get(0).before()).contains("@statements(\"FACTOR-ADMIN\")")
                .contains("@kind(\"CHOOSE\")");
        assertThat(rule.changes().get(0).after()).contains("@statements(\"FACTOR-ADMIN\", \"DJ-2\")");
        assertThat(diff.statements().gained()).isEqualTo(Map.of("DJ-2", List.of(ADMIN_RULE)));
        assertThat(diff.statements().lost()).isEmpty();

        RuleSetDiff back = RuleSetComparison.compare(edited("factors.drl", """
                    @statements("FACTOR-ADMIN") @kind("CHOOSE")""", """
                    @statements("DJ-2") @kind("CHOOSE")"""), shipped);
        assertThat(back.statements().gained()).isEqualTo(Map.of("FACTOR-ADMIN", List.of(ADMIN_RULE)));
        assertThat(back.statements().lost()).isEqualTo(Map.of("DJ-2", List.of(ADMIN_RULE)));
    }

    @Test
    void aChangedConditionIsTheConditionThatChanged() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("factors.drl",
                "Project( needsAdminInterface == true )", "Project( needsAdminInterface == true, mostlyCrud == true )"));

        assertThat(diff.rules().changed()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo(ADMIN_RULE);
            assertThat(rule.changes()).containsExactly(new AspectChange(Aspect.CONDITIONS,
                    "Project( needsAdminInterface == true )",
                    "Project( needsAdminInterface == true, mostlyCrud == true )"));
        });
    }

    @Test
    void aChangedRowOfACsvDecisionTableIsThatRuleAtItsRow() {
        String row = "Internal tools fit Django ORM,INTERNAL_TOOL,,,,DJ-BEST-2,CHOOSE,\"Internal tools are among the"
                + " article's best fits for Django ORM: models, admin and forms cover most of the work.\",";
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("best-fits.drl.csv", row + "2", row + "3"));

        assertThat(diff.rules().changed()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Internal tools fit Django ORM");
            assertThat(rule.file()).isEqualTo("best-fits.drl.csv");
            assertThat(rule.line()).isEqualTo(10);
            assertThat(rule.changes()).containsExactly(new AspectChange(Aspect.CONSEQUENCE,
                    "insert( new Evidence( Option.DJANGO_ORM, 2 ) );", "insert( new Evidence( Option.DJANGO_ORM, 3 ) );"));
        });
        assertThat(diff.files()).singleElement().extracting(FileDiff::unifiedDiff).asString()
                .contains("\n-" + row + "2\n+" + row + "3\n");
    }

    @Test
    void aWorkbookIsComparedThroughTheRulesItStandsFor() {
        String csv = shipped.files().get("best-fits.drl.csv");
        String row = "Internal tools fit Django ORM,INTERNAL_TOOL,,,,DJ-BEST-2,CHOOSE,\"Internal tools are among the"
                + " article's best fits for Django ORM: models, admin and forms cover most of the work.\",";
        RuleSetVersion before = workbookInsteadOfCsv(csv, "before");
        RuleSetVersion after = workbookInsteadOfCsv(csv.replace(row + "2", row + "3"), "after");

        RuleSetDiff diff = RuleSetComparison.compare(before, after);

        assertThat(diff.rules().changed()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Internal tools fit Django ORM");
            assertThat(rule.file()).isEqualTo("best-fits.drl.xlsx");
            assertThat(rule.line()).isEqualTo(10);
            assertThat(rule.changes()).extracting(AspectChange::aspect).containsExactly(Aspect.CONSEQUENCE);
        });
        assertThat(diff.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("best-fits.drl.xlsx");
            assertThat(file.unifiedDiff())
                    .startsWith("--- a/best-fits.drl.xlsx (DRL generated from the workbook)\n")
                    .contains("\n-\t\tinsert( new Evidence( Option.DJANGO_ORM, 2 ) );\n"
                            + "+\t\tinsert( new Evidence( Option.DJANGO_ORM, 3 ) );\n")
                    .doesNotContain(after.files().get("best-fits.drl.xlsx").substring(0, 40));
        });
    }

    @Test
    void aSnapshotsGeneratedDrlIsNotAFileOfTheVersion() {
        SortedMap<String, String> files = new TreeMap<>(shipped.files());
        files.put("best-fits.drl.xlsx" + RuleSources.GENERATED_DRL, "package rules;");

        assertThat(RuleSetVersion.of("stored", files).files()).isEqualTo(shipped.files());
    }

    @Test
    void layoutAloneChangesNoRuleButStillShowsInTheFile() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("factors.drl",
                "Project( needsAdminInterface == true )", "Project(\n        needsAdminInterface == true\n    )"));

        assertThat(diff.rules().changed()).isEmpty();
        assertThat(diff.files()).extracting(FileDiff::path).containsExactly("factors.drl");
        assertThat(diff.identical()).isFalse();
    }

    @Test
    void aFileThatNoLongerParsesIsNamedAndItsRulesAreNotCountedAsRemoved() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, edited("factors.drl",
                "Project( needsAdminInterface == true )", "Project( needsAdminInterface == true"));

        assertThat(diff.rules().removed()).isEmpty();
        assertThat(diff.rules().changed()).isEmpty();
        assertThat(diff.unreadable()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("factors.drl");
            assertThat(problem.line()).isPositive();
        });
        assertThat(diff.files()).extracting(FileDiff::path).containsExactly("factors.drl");
    }

    @Test
    void theSameVersionTwiceHasNoChanges() {
        RuleSetDiff diff = RuleSetComparison.compare(shipped, RuleSetVersion.of("again", shipped.files()));

        assertThat(diff.identical()).isTrue();
        assertThat(diff.rules().added()).isEmpty();
        assertThat(diff.rules().removed()).isEmpty();
        assertThat(diff.rules().changed()).isEmpty();
        assertThat(diff.statements().gained()).isEmpty();
        assertThat(diff.statements().lost()).isEmpty();
    }

    private RuleSetVersion edited(String path, String before, String after) {
        String text = shipped.files().get(path);
        assertThat(text).as("the shipped %s holds the text to edit", path).contains(before);
        return RuleSetVersion.of("edited", with(shipped, path, text.replace(before, after)).files());
    }

    private static RuleSetVersion with(RuleSetVersion version, String path, String text) {
        SortedMap<String, String> files = new TreeMap<>(version.files());
        files.put(path, text);
        return RuleSetVersion.of(version.version() + "+" + path, files);
    }

    private RuleSetVersion workbookInsteadOfCsv(String csv, String version) {
        SortedMap<String, String> files = new TreeMap<>(shipped.files());
        files.remove("best-fits.drl.csv");
        files.put("best-fits.drl.xlsx", Base64.getEncoder().encodeToString(Workbooks.fromCsv(csv)));
        return RuleSetVersion.of(version, files);
    }
}
