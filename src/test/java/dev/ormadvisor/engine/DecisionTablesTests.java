package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ormadvisor.decisiontables.Workbooks;
import dev.ormadvisor.scenarios.Scenario;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision tables live beside the DRL files: their rows are rules like any other, every check applies to them, and
 * what is wrong with one is told at its row and column.
 */
class DecisionTablesTests {

    private static final String TABLE = "best-fits.drl.csv";
    private static final Path DRL_THE_TABLE_REPLACED = Path.of("src/test/resources/fixtures/best-fits-as-drl/best-fits.drl");
    private static final List<Scenario> SCENARIOS = new ScenarioFiles().read(Path.of("rules", "scenarios"));

    private final RuleBaseCompiler compiler = new RuleBaseCompiler(1000);

    @TempDir
    Path tmp;

    @Test
    void theShippedTableAnswersEveryScenarioExactlyAsTheDrlRulesItReplaced() throws Exception {
        RulesFolder asDrl = RulesFolder.copyOfShippedRules(tmp.resolve("as-drl"))
                .file("best-fits.drl", Files.readString(DRL_THE_TABLE_REPLACED));
        Files.delete(asDrl.dir().resolve(TABLE));

        assertAnswersAlike(compiler.compile(Path.of("rules")), compiler.compile(asDrl.dir()));
    }

    @Test
    void anXlsxWithTheSameRowsAsTheCsvAnswersEveryScenarioAlike() throws Exception {
        RulesFolder withWorkbook = RulesFolder.copyOfShippedRules(tmp.resolve("xlsx"));
        Files.write(withWorkbook.dir().resolve("best-fits.drl.xlsx"), Workbooks.fromCsv(Path.of("rules", TABLE)));
        Files.delete(withWorkbook.dir().resolve(TABLE));

        RuleBase fromWorkbook = compiler.compile(withWorkbook.dir());

        assertThat(fromWorkbook.rules()).filteredOn(rule -> rule.file().equals("best-fits.drl.xlsx")).hasSize(10);
        assertAnswersAlike(compiler.compile(Path.of("rules")), fromWorkbook);
    }

    @Test
    void eachRowIsARuleListedWithItsFileRowAndThreeTags() {
        RuleBase shipped = compiler.compile(Path.of("rules"));

        assertThat(shipped.rules()).filteredOn(rule -> rule.file().equals(TABLE)).hasSize(10)
                .anySatisfy(rule -> {
                    assertThat(rule.name()).isEqualTo("Internal tools fit Django ORM");
                    assertThat(rule.line()).as("its spreadsheet row").isEqualTo(10);
                    assertThat(rule.kind()).isEqualTo(RuleKind.CHOOSE);
                    assertThat(rule.statements()).containsExactly("DJ-BEST-2");
                    assertThat(rule.explanation()).startsWith("Internal tools are among the article's best fits");
                });
    }

    @Test
    void aConditionThatDoesNotCompileIsReportedAtItsRowAndColumnNeverAtAGeneratedLine() {
        RulesFolder rules = shippedWithTable(table -> table.replace("mostlyCrud == true || needsAdminInterface",
                "mostlyCrudd == true || needsAdminInterface"));

        assertThat(errorsOf(rules)).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.column()).as(error.toString()).isEqualTo("D");
            assertThat(error.message()).startsWith("the cell under \"And the project\": ").contains("mostlyCrudd");
            assertThat(error.toString()).startsWith("best-fits.drl.csv:9: column D: ");
        });
    }

    @Test
    void aWeightThatIsNotANumberIsReportedAtItsCell() {
        RulesFolder rules = shippedWithTable(table -> table.replace("models, admin and forms cover most of the work.\",2",
                "models, admin and forms cover most of the work.\",two"));

        assertThat(errorsOf(rules)).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.line()).isEqualTo(10);
            assertThat(error.column()).isEqualTo("I");
        });
    }

    @Test
    void aRowWithoutItsStatementIsReportedAtTheStatementsCell() {
        RulesFolder rules = shippedWithTable(table -> table.replace(",DJ-BEST-3,", ",,"));

        assertThat(errorsOf(rules)).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(11);
            assertThat(error.column()).isEqualTo("F");
            assertThat(error.message()).isEqualTo("rule \"Content platforms fit Django ORM\" names no statement key"
                    + " (the cell under \"Statements\")");
        });
    }

    @Test
    void aStatementKeyOrKindTheCatalogDoesNotKnowIsReportedAtItsRow() {
        RulesFolder rules = shippedWithTable(table -> table.replace(",DJ-BEST-4,CHOOSE,", ",DJ-BEST-9,CHOOSE,")
                .replace(",SA-BEST-5,CHOOSE,", ",SA-BEST-5,MISTAKE,"));

        assertThat(errorsOf(rules)).extracting(RuleError::toString).containsExactly(
                "best-fits.drl.csv:12: column F: rule \"Back-office apps fit Django ORM\" cites statement DJ-BEST-9,"
                        + " which is not in statements.yaml",
                "best-fits.drl.csv:24: column F: rule \"Teams that care deeply about architecture fit SQLAlchemy\""
                        + " is a MISTAKE rule but cites SA-BEST-5, which is a CHOOSE statement");
    }

    @Test
    void aRowNamedLikeADrlRuleIsADuplicateNamedWithItsFileAndRow() {
        RulesFolder rules = shippedWithTable(table -> table.replace("Internal tools fit Django ORM,",
                "A mostly CRUD app fits Django ORM,"));

        assertThat(errorsOf(rules)).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.line()).isEqualTo(10);
            assertThat(error.column()).as("the name cell").isEqualTo("A");
            assertThat(error.message()).contains("Duplicate rule name: A mostly CRUD app fits Django ORM");
        });
    }

    @Test
    void aRowWhoseActionThrowsOnAScenarioIsRejectedByTheSafetyCheckAtItsRow() {
        // Weight 0 is within the rule language, but Evidence refuses it when the action runs.
        RulesFolder rules = shippedWithTable(table -> table.replace("almost for free.,2", "almost for free.,0"));
        RuleBase candidate = compiler.compile(rules.dir());

        List<RuleError> errors = new ScenarioFactsCheck(new ScenarioFiles()).check(candidate);

        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.line()).isEqualTo(11);
            assertThat(error.message()).contains("Content platforms fit Django ORM");
        });
    }

    @Test
    void aChangedWeightGoesIntoServiceUnderANewVersionAndABrokenCellKeepsTheLastGoodOne() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("live"));
        RuleBaseInService inService = new RuleBaseInService(rules.dir(), compiler,
                new ScenarioFactsCheck(new ScenarioFiles()), Clock.systemUTC());
        String shipped = Files.readString(rules.dir().resolve(TABLE));

        rules.file(TABLE, shipped.replace("absurdly productive there.,2", "absurdly productive there.,3"));
        ReloadOutcome edited = inService.reload();
        rules.file(TABLE, shipped.replace("BACK_OFFICE,,,,", "BACK_OFFICE,,type ==,,"));
        ReloadOutcome broken = inService.reload();

        assertThat(edited.ok()).isTrue();
        assertThat(edited.version()).isNotEqualTo(RuleSources.read(Path.of("rules")).version());
        assertThat(broken.ok()).isFalse();
        assertThat(broken.version()).isEqualTo(edited.version());
        assertThat(inService.current().version()).isEqualTo(edited.version());
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(TABLE);
            assertThat(error.line()).isEqualTo(12);
            assertThat(error.column()).isEqualTo("D");
            assertThat(error.message()).as("no generated DRL position").doesNotContainPattern("Line [0-9]+:");
        });
    }

    @Test
    void aBrokenCellStopsTheStartWithTheTablesRowAndColumnAmongTheErrors() {
        RulesFolder rules = shippedWithTable(table -> table.replace("mostlyCrud == true || needsAdminInterface",
                "mostlyCrudd == true || needsAdminInterface"));

        InvalidRuleBaseException refused = catchThrowableOfType(InvalidRuleBaseException.class,
                () -> new RuleBaseInService(rules.dir(), compiler, RuleBaseCheck.NONE, Clock.systemUTC()));

        assertThat(refused.getMessage()).contains("best-fits.drl.csv:9: column D: the cell under \"And the project\"");
    }

    @Test
    void theSnapshotKeepsTheCsvAsTextAndTheWorkbookAsBytesWithTheDrlGeneratedFromIt() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("snapshot"));
        Files.createDirectories(rules.dir().resolve("sub"));
        Files.write(rules.dir().resolve("sub/more.drl.xlsx"), Workbooks.fromCsv(Files.readString(
                Path.of("rules", TABLE)).replace(" fit", " suit")));

        RuleBase ruleBase = compiler.compile(rules.dir());

        assertThat(ruleBase.sources().files())
                .containsEntry(TABLE, Files.readString(Path.of("rules", TABLE)))
                .containsKeys("sub/more.drl.xlsx", "sub/more.drl.xlsx" + RuleSources.GENERATED_DRL);
        assertThat(Base64.getDecoder().decode(ruleBase.sources().files().get("sub/more.drl.xlsx")))
                .isEqualTo(Files.readAllBytes(rules.dir().resolve("sub/more.drl.xlsx")));
        assertThat(ruleBase.sources().files().get("sub/more.drl.xlsx" + RuleSources.GENERATED_DRL))
                .contains("rule \"Internal tools suit Django ORM\"");
        assertThat(ruleBase.version()).as("the generated DRL is not part of the content hash")
                .isEqualTo(RuleSources.read(rules.dir()).version());
    }

    @Test
    void everyCellCountsInTheVersionAndExcelsLockFileIsNoTable() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("version"));
        String before = RuleSources.read(rules.dir()).version();

        Files.write(rules.dir().resolve("~$best-fits.drl.xlsx"), new byte[165]);
        String withLockFile = RuleSources.read(rules.dir()).version();
        rules.file(TABLE, Files.readString(rules.dir().resolve(TABLE)).replace("flush behaviour.\",2",
                "flush behaviour.\",3"));

        assertThat(withLockFile).isEqualTo(before);
        assertThat(RuleSources.read(rules.dir()).version()).isNotEqualTo(before);
    }

    @Test
    void aHostileWorkbookIsRejectedWithItsReasonWhileTheOtherFilesAreStillChecked() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("hostile"));
        Files.write(rules.dir().resolve("bomb.drl.xlsx"), Workbooks.zipBomb(100));
        rules.file("factors.drl", Files.readString(rules.dir().resolve("factors.drl"))
                .replace("needsAdminInterface == true )", "needsAdminInterfaces == true )"));

        assertThat(errorsOf(rules)).extracting(RuleError::file).contains("bomb.drl.xlsx", "factors.drl");
    }

    private RulesFolder shippedWithTable(java.util.function.UnaryOperator<String> edit) {
        try {
            RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("rules"));
            return rules.file(TABLE, edit.apply(Files.readString(rules.dir().resolve(TABLE))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<RuleError> errorsOf(RulesFolder rules) {
        return catchThrowableOfType(InvalidRuleBaseException.class, () -> compiler.compile(rules.dir())).errors();
    }

    /** Verdict, confidence, scores, the statements that fired and the warnings, for every shipped scenario. */
    private static void assertAnswersAlike(RuleBase expected, RuleBase actual) {
        for (Scenario scenario : SCENARIOS) {
            Decision want = expected.decide(scenario.facts());
            Decision got = actual.decide(scenario.facts());
            assertThat(got.verdict()).as(scenario.name()).isEqualTo(want.verdict());
            assertThat(got.scores()).as(scenario.name()).isEqualTo(want.scores());
            assertThat(statementsOf(got)).as(scenario.name()).isEqualTo(statementsOf(want));
            assertThat(got.warnings().stream().map(RaisedWarning::warning).toList()).as(scenario.name())
                    .isEqualTo(want.warnings().stream().map(RaisedWarning::warning).toList());
        }
        assertThat(SCENARIOS).hasSizeGreaterThanOrEqualTo(25);
    }

    private static Set<String> statementsOf(Decision decision) {
        return decision.firedRules().stream().flatMap(fired -> fired.rule().statements().stream())
                .collect(Collectors.toSet());
    }
}
