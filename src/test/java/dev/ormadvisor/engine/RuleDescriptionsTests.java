package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ormadvisor.ShippedRules;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every rule of a set of files, as its author wrote it, read from the parsed DRL without compiling anything. */
class RuleDescriptionsTests {

    private static final SortedMap<String, String> SHIPPED = RuleSources.read(ShippedRules.DIR).files();

    @Test
    void describesEveryShippedRuleWhereTheCompilerPlacesIt() {
        RuleDescriptions described = RuleDescriptions.of(SHIPPED);
        List<RuleDefinition> compiled = new RuleBaseCompiler(1000).compile(ShippedRules.DIR).rules();

        assertThat(described.problems()).isEmpty();
        assertThat(described.rules()).extracting(RuleDescription::name, RuleDescription::file, RuleDescription::line)
                .containsExactlyElementsOf(compiled.stream()
                        .map(rule -> tuple(rule.name(), rule.file(), rule.line()))
                        .toList());
        assertThat(described.rules()).extracting(RuleDescription::statements)
                .containsExactlyElementsOf(compiled.stream().map(RuleDefinition::statements).toList());
    }

    @Test
    void aRuleIsItsConditionsConsequenceMetadataAndSalienceAsWritten() {
        RuleDescription sum = rule("Add up the evidence for each option");

        assertThat(sum.file()).isEqualTo("verdict.drl");
        assertThat(sum.line()).isEqualTo(17);
        assertThat(sum.conditions()).isEqualTo("""
                not Scores()
                    accumulate( Evidence( option == Option.DJANGO_ORM, $w : weight ); $djangoOrm : sum( $w ) )
                    accumulate( Evidence( option == Option.SQLALCHEMY, $w : weight ); $sqlalchemy : sum( $w ) )""");
        assertThat(sum.consequence())
                .isEqualTo("insert( new Scores( $djangoOrm.intValue(), $sqlalchemy.intValue() ) );");
        assertThat(sum.metadata()).isEqualTo(Map.of("statements", "\"VERDICT\"", "kind", "\"VERDICT\"",
                "explanation", "\"Sums the weight every fired rule gave to Django ORM and to SQLAlchemy.\""));
        assertThat(sum.salience()).isEqualTo("-10");
        assertThat(sum.attributes()).isEmpty();
        assertThat(rule("People who need an admin interface favour Django ORM").salience()).isNull();
    }

    @Test
    void aDecisionTableRowIsARuleAtItsRowThroughTheDrlItStandsFor() {
        RuleDescriptions described = RuleDescriptions.of(SHIPPED);
        RuleDescription row = rule("Internal tools fit Django ORM");

        assertThat(row.file()).isEqualTo("best-fits.drl.csv");
        assertThat(row.line()).isEqualTo(10);
        assertThat(row.conditions()).isEqualTo("Project(type == ProjectType.INTERNAL_TOOL)");
        assertThat(row.consequence()).isEqualTo("insert( new Evidence( Option.DJANGO_ORM, 2 ) );");
        assertThat(row.statements()).containsExactly("DJ-BEST-2");
        assertThat(described.generatedDrl()).containsOnlyKeys("best-fits.drl.csv");
        assertThat(described.generatedDrl().get("best-fits.drl.csv")).contains("rule \"Internal tools fit Django ORM\"");
    }

    @Test
    void aFileThatDoesNotParseIsNamedAtItsLineAndTheOthersAreStillDescribed() {
        SortedMap<String, String> files = new TreeMap<>(SHIPPED);
        files.put("broken.drl", RulesFolder.HEADER + """
                rule "Half written"
                when
                    Project( framework ==
                then
                end
                """);
        files.put("statements.yaml", "not a rule file");

        RuleDescriptions described = RuleDescriptions.of(files);

        assertThat(described.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("broken.drl");
            assertThat(problem.line()).isBetween(6, 10);
        });
        assertThat(described.rules()).extracting(RuleDescription::file).doesNotContain("broken.drl", "statements.yaml");
        assertThat(described.rules()).hasSameSizeAs(RuleDescriptions.of(SHIPPED).rules());
    }

    private static RuleDescription rule(String name) {
        return RuleDescriptions.of(SHIPPED).rules().stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
