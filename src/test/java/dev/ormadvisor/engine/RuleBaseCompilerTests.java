package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseCompilerTests {

    private final RuleBaseCompiler compiler = new RuleBaseCompiler(1000);

    @TempDir
    Path tmp;

    @Test
    void compilesTheShippedRulesWithTheirMetadata() {
        RuleBase ruleBase = compiler.compile(Path.of("rules"));

        assertThat(ruleBase.version()).matches("[0-9a-f]{16}");
        assertThat(ruleBase.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.file()).matches(".*\\.drl(\\.csv)?");
            assertThat(rule.kind()).isNotNull();
            assertThat(rule.statements()).isNotEmpty();
            assertThat(rule.explanation()).isNotBlank();
        });
        assertThat(ruleBase.rules()).extracting(RuleDefinition::file)
                .contains("choose-django-orm.drl", "choose-sqlalchemy.drl", "factors.drl", "mistakes.drl",
                        "verdict.drl", "best-fits.drl.csv");
    }

    @Test
    void listsRulesByFileInTheOrderTheyAreWritten() {
        RuleBase ruleBase = compiler.compile(Path.of("rules"));

        List<String> verdictRules = ruleBase.rules().stream().filter(rule -> rule.file().equals("verdict.drl"))
                .map(RuleDefinition::name).toList();
        assertThat(verdictRules).first().isEqualTo("Add up the evidence for each option");
    }

    @Test
    void splitsSeveralStatementKeysOfOneRule() {
        RulesFolder rules = validRules().file("extra.drl", RulesFolder.HEADER + """
                rule "Two keys"
                    @statements("DJ-2", "DJ-4") @kind("CHOOSE") @explanation("Cites two statements.")
                when
                    Team( valuesConvention == true, prioritizesShippingSpeed == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                end
                """);

        RuleBase ruleBase = compiler.compile(rules.dir());

        assertThat(ruleBase.rules()).filteredOn(rule -> rule.name().equals("Two keys"))
                .singleElement().extracting(RuleDefinition::statements).isEqualTo(List.of("DJ-2", "DJ-4"));
    }

    @Test
    void reportsASyntaxErrorWithItsFileAndLineButNotTheParserNoise() {
        RulesFolder rules = validRules().file("broken.drl", RulesFolder.HEADER + """
                rule "Missing its when"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("Broken on purpose.")
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);

        List<RuleError> errors = errorsOf(rules);

        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).isEqualTo("broken.drl");
            assertThat(error.line()).isBetween(6, 9);
            assertThat(error.message()).doesNotContain("Parser returned a null Package");
        });
    }

    @Test
    void reportsEveryBrokenFileNotOnlyTheFirst() {
        RulesFolder rules = validRules()
                .file("a.drl", RulesFolder.HEADER + """
                        rule "Unknown fact field"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Broken on purpose.")
                        when
                            Project( mostlyCrudd == true )
                        then
                            insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                        end
                        """)
                .file("sub/b.drl", RulesFolder.HEADER + """
                        rule "Unknown type"
                            @statements("DJ-3") @kind("CHOOSE") @explanation("Broken on purpose.")
                        when
                            Projekt( mostlyCrud == true )
                        then
                            insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                        end
                        """);

        List<RuleError> errors = errorsOf(rules);

        assertThat(errors).anySatisfy(error -> {
            assertThat(error.file()).isEqualTo("a.drl");
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.message()).contains("mostlyCrudd").doesNotContain("\n", "[Near", "^");
        });
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.file()).isEqualTo("sub/b.drl");
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.message()).contains("Projekt");
        });
    }

    @Test
    void rejectsARuleWithoutItsMetadataTags() {
        RulesFolder rules = validRules().file("bare.drl", RulesFolder.HEADER + """
                rule "No metadata"
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);

        assertThat(errorsOf(rules)).extracting(RuleError::toString).containsExactly(
                "bare.drl:6: rule \"No metadata\" has no @statements(\"KEY\") tag naming the article statement(s) it encodes",
                "bare.drl:6: rule \"No metadata\" has no @kind tag; use one of [CHOOSE, MISTAKE, CAUTION, VERDICT]",
                "bare.drl:6: rule \"No metadata\" has no @explanation(\"...\") tag with a one-line plain-language explanation");
    }

    @Test
    void rejectsAKindThatIsNotOneOfTheFour() {
        RulesFolder rules = validRules().file("kind.drl", RulesFolder.HEADER + """
                rule "Odd kind"
                    @statements("DJ-3") @kind("ADVICE") @explanation("Wrong kind.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);

        assertThat(errorsOf(rules)).singleElement().extracting(RuleError::message).asString()
                .contains("@kind(\"ADVICE\")", "CHOOSE, MISTAKE, CAUTION, VERDICT");
    }

    @Test
    void rejectsAStatementKeyThatIsNotInTheCatalog() {
        RulesFolder rules = validRules().file("keys.drl", RulesFolder.HEADER + """
                rule "Cites a made-up key"
                    @statements("DJ-99") @kind("CHOOSE") @explanation("Unknown key.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);

        assertThat(errorsOf(rules)).singleElement().hasToString(
                "keys.drl:6: rule \"Cites a made-up key\" cites statement DJ-99, which is not in statements.yaml");
    }

    @Test
    void rejectsARuleWhoseKindDiffersFromItsStatements() {
        RulesFolder rules = validRules().file("mixed.drl", RulesFolder.HEADER + """
                rule "A choose rule citing a mistake"
                    @statements("MISTAKE-1") @kind("CHOOSE") @explanation("Kind mismatch.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);

        assertThat(errorsOf(rules)).singleElement().extracting(RuleError::message).asString()
                .contains("is a CHOOSE rule but cites MISTAKE-1, which is a MISTAKE statement");
    }

    @Test
    void rejectsTheSameRuleNameInTwoFiles() {
        RulesFolder rules = validRules().file("twin.drl", """
                package other;

                import dev.ormadvisor.facts.*;
                import dev.ormadvisor.conclusions.*;

                rule "A mostly CRUD app fits Django ORM"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("A twin.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);

        assertThat(errorsOf(rules)).singleElement().extracting(RuleError::message).asString()
                .contains("is also used in", "must be unique");
    }

    @Test
    void namesTheRuleSetVersionByContentSoAnyEditMakesANewVersion() {
        RulesFolder rules = validRules();
        String before = compiler.compile(rules.dir()).version();

        assertThat(compiler.compile(rules.dir()).version()).isEqualTo(before);

        rules.file("extra.drl", RulesFolder.HEADER + "// only a comment\n");
        assertThat(compiler.compile(rules.dir()).version()).isNotEqualTo(before);
    }

    @Test
    void readsARulesFolderThatIsALinkWhereItPoints() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("rules"));
        Path link = Files.createSymbolicLink(tmp.resolve("linked-rules"), rules.dir());

        RuleBase linked = compiler.compile(link);

        RuleBase direct = compiler.compile(rules.dir());
        assertThat(linked.version()).isEqualTo(direct.version());
        assertThat(linked.rules()).isEqualTo(direct.rules());
    }

    @Test
    void refusesAFolderWithoutRulesOrWithoutACatalog() throws Exception {
        assertThat(errorsOf(new RulesFolder(tmp))).singleElement().extracting(RuleError::message).asString()
                .contains("holds no .drl, .drl.csv or .drl.xlsx file");

        Path noCatalog = Files.createDirectory(tmp.resolve("no-catalog"));
        Files.writeString(noCatalog.resolve("a.drl"), RulesFolder.HEADER);
        InvalidRuleBaseException error = catchThrowableOfType(InvalidRuleBaseException.class,
                () -> compiler.compile(noCatalog));
        assertThat(error.errors()).singleElement().extracting(RuleError::file).isEqualTo("statements.yaml");
    }

    private RulesFolder validRules() {
        return RulesFolder.copyOfShippedRules(tmp);
    }

    private List<RuleError> errorsOf(RulesFolder rules) {
        InvalidRuleBaseException error = catchThrowableOfType(InvalidRuleBaseException.class,
                () -> compiler.compile(rules.dir()));
        assertThat(error).as("the rule base should have been rejected").isNotNull();
        return error.errors();
    }
}
