package dev.ormadvisor.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A decision table becomes DRL through Drools, and whatever is wrong with it is told at its row and column. */
class DecisionTableTests {

    private static final Path SHIPPED = Path.of("rules", "best-fits.drl.csv");
    private static final Duration NEVER_HANGS = Duration.ofSeconds(10);

    @Test
    void eachRowOfTheShippedTableBecomesARuleNamedByItsNameCellWithItsThreeTags() throws Exception {
        Translation table = DecisionTable.translate(TableFormat.CSV, Files.readAllBytes(SHIPPED));

        assertThat(table.problems()).isEmpty();
        assertThat(table.rowOf("A SaaS startup shipping a standard product fast fits Django ORM")).isEqualTo(9);
        assertThat(table.rowOf("Teams that care deeply about architecture fit SQLAlchemy")).isEqualTo(24);
        assertThat(table.drl().orElseThrow())
                .contains("rule \"Internal tools fit Django ORM\"")
                .contains("@statements(\"DJ-BEST-2\")", "@kind(\"CHOOSE\")",
                        "@explanation(\"Internal tools are among the article's best fits")
                .contains("Project(type == ProjectType.API_SERVICE || type == ProjectType.BACKEND_PLATFORM,"
                        + " queryComplexity == Complexity.HIGH || domainComplexity == Complexity.HIGH)");
    }

    @Test
    void aWorkbookWithTheSameRowsAsTheCsvGeneratesTheSameRules() throws Exception {
        Translation csv = DecisionTable.translate(TableFormat.CSV, Files.readAllBytes(SHIPPED));

        Translation xlsx = DecisionTable.translate(TableFormat.XLSX, Workbooks.fromCsv(SHIPPED));

        assertThat(xlsx.problems()).isEmpty();
        assertThat(xlsx.drl()).isEqualTo(csv.drl());
    }

    @Test
    void theColumnOfAMetadataTagIsKnownForEveryRow() throws Exception {
        Translation table = DecisionTable.translate(TableFormat.CSV, Files.readAllBytes(SHIPPED));

        assertThat(table.metadataColumn(10, "statements")).hasValue(new Translation.Column("F", "Statements"));
        assertThat(table.metadataColumn(21, "explanation")).hasValue(new Translation.Column("H", "Explanation"));
        assertThat(table.metadataColumn(21, "weight")).isEmpty();
    }

    @Test
    void aValueInAColumnWithoutAHeaderIsReportedAtItsCell() throws Exception {
        String csv = Files.readString(SHIPPED).replace("CHOOSE,Content platforms", "CHOOSE,Content platforms")
                .replace("free.\",2", "free.\",2,surplus")
                .replace("almost for free.,2", "almost for free.,2,surplus");

        Translation table = DecisionTable.translate(TableFormat.CSV, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.drl()).isEmpty();
        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(11);
            assertThat(problem.column()).isEqualTo("J");
            assertThat(problem.message()).contains("cell J11");
        });
    }

    @Test
    void aFileWithoutARuleTableCellSaysWhatATableNeeds() {
        Translation table = DecisionTable.translate(TableFormat.CSV,
                "RuleSet,rules\nName,Weight\nx,2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.message()).contains("RuleTable");
        });
    }

    @Test
    void aCsvSavedWithAByteOrderMarkReadsLikeOneWithout() throws Exception {
        byte[] withBom = ("\uFEFF" + Files.readString(SHIPPED)).getBytes(StandardCharsets.UTF_8);

        assertThat(DecisionTable.translate(TableFormat.CSV, withBom).drl())
                .isEqualTo(DecisionTable.translate(TableFormat.CSV, Files.readAllBytes(SHIPPED)).drl());
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnzipped() {
        byte[] bomb = Workbooks.zipBomb(200);
        assertThat(bomb.length).as("a small file").isLessThan(TableLimits.MAX_FILE_BYTES);

        Translation table = assertTimeoutPreemptively(NEVER_HANGS,
                () -> DecisionTable.translate(TableFormat.XLSX, bomb));

        assertThat(table.drl()).isEmpty();
        assertThat(table.problems()).singleElement().extracting(CellProblem::message).asString()
                .contains("unzips to more than " + TableLimits.MAX_UNZIPPED_BYTES / (1024 * 1024) + " MB", "zip bomb");
    }

    @Test
    void aHugeSheetIsRefusedByItsNumberOfRows() {
        byte[] huge = Workbooks.withRows(50_000);

        Translation table = assertTimeoutPreemptively(NEVER_HANGS,
                () -> DecisionTable.translate(TableFormat.XLSX, huge));

        assertThat(table.problems()).singleElement().extracting(CellProblem::message).asString()
                .contains("more than " + TableLimits.MAX_ROWS + " rows");
    }

    @Test
    void aFormulaIsRefusedAtItsCellAndNeverEvaluated() throws Exception {
        byte[] workbook = Workbooks.workbook(sheet -> sheet.createRow(9).createCell(8)
                .setCellFormula("WEBSERVICE(\"http://127.0.0.1:9/\")&1+1"));

        Translation table = assertTimeoutPreemptively(NEVER_HANGS,
                () -> DecisionTable.translate(TableFormat.XLSX, workbook));

        assertThat(table.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(10);
            assertThat(problem.column()).isEqualTo("I");
            assertThat(problem.message()).contains("cell I10 holds a formula", "type it in");
        });
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithoutAStackTrace() throws Exception {
        Translation table = DecisionTable.translate(TableFormat.XLSX, Files.readAllBytes(SHIPPED));

        assertThat(table.problems()).singleElement().extracting(CellProblem::message).asString()
                .contains("not an Excel .xlsx workbook");
    }

    @Test
    void aTableTooBigToBeTypedByHandIsRefusedUnread() {
        byte[] big = new byte[TableLimits.MAX_FILE_BYTES + 1];

        assertThat(DecisionTable.translate(TableFormat.XLSX, big).problems()).singleElement()
                .extracting(CellProblem::message).asString().contains("may be at most");
        assertThat(DecisionTable.translate(TableFormat.CSV, big).problems()).singleElement()
                .extracting(CellProblem::message).asString().contains("may be at most");
        assertThat(DecisionTable.translate(TableFormat.CSV, "x\n".repeat(TableLimits.MAX_ROWS + 1)
                .getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
                .extracting(CellProblem::message).asString().contains("at most " + TableLimits.MAX_ROWS);
    }
}
