package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ormadvisor.conclusions.Evidence;
import dev.ormadvisor.conclusions.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The rules folder is code the service compiles and runs, so it may hold only the documented rule language: a
 * hostile rule is refused at load, at its file and line, and never runs.
 */
class SafeRuleLanguageTests {

    private final RuleBaseCompiler compiler = new RuleBaseCompiler(1000);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.ormadvisor.engine.HostileRules#all")
    void aHostileRuleIsRefusedAtItsLinesAndNeverRuns(HostileRules hostile) {
        Path marker = tmp.resolve("marker");
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("rules"))
                .file(HostileRules.FILE, hostile.drl(marker));

        RefusedRulesException refused = catchThrowableOfType(RefusedRulesException.class,
                () -> compiler.compile(rules.dir()));

        assertThat(refused).as("refused at load").isNotNull();
        assertThat(refused.errors()).allSatisfy(error -> {
            assertThat(error.file()).isEqualTo(HostileRules.FILE);
            assertThat(error.message()).as("says what is refused, then what is allowed instead")
                    .containsPattern("(is not allowed|is not part of the rule language)[;:] .+");
        });
        assertThat(refused.errors()).extracting(RuleError::line)
                .containsAll(hostile.refusedAt().stream().map(hostile::lineOf).toList());
        assertThat(marker).as("the hostile code never ran").doesNotExist();
    }

    /** The hostile rules are real: without the check, Drools builds and runs them, and the marker appears. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.ormadvisor.engine.HostileRules#runningWithoutTheCheck")
    void withoutTheCheckDroolsWouldRunTheHostileRule(HostileRules hostile) {
        Path marker = tmp.resolve("marker");

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(hostile.drl(marker).getBytes(StandardCharsets.UTF_8)),
                ResourceType.DRL);
        assertThat(builder.getErrors()).as("plain Drools compiles it").isEmpty();
        KieSession session = builder.newKieBase().newKieSession();
        try {
            session.insert(new Evidence(Option.DJANGO_ORM, 1));
            session.fireAllRules(10);
        } catch (RuntimeException failedAfterDoingHarm) {
            // The marker is made first; what the hostile code does next may fail.
        } finally {
            session.dispose();
        }

        assertThat(marker).exists();
    }

    @Test
    void theShippedRulesAreWithinTheLanguage() {
        assertThat(compiler.compile(Path.of("rules")).rules()).isNotEmpty();
    }

    @Test
    void anErrorNamesItsFileAndLineAndWhatIsAllowedInstead() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("extra.drl", RulesFolder.HEADER + """
                rule "Counts instead of adding up"
                    @statements("VERDICT") @kind("VERDICT") @explanation("Counts.")
                when
                    accumulate( Evidence( $w : weight ); $count : count( $w ) )
                then
                    insert( new Scores( 1, 0 ) );
                end
                """);

        List<RuleError> errors = catchThrowableOfType(InvalidRuleBaseException.class,
                () -> compiler.compile(rules.dir())).errors();

        assertThat(errors).singleElement().hasToString("extra.drl:9: rule \"Counts instead of adding up\":"
                + " accumulate count($w) is not part of the rule language: accumulate only as $total : sum( $w ),"
                + " where $w is bound to a field of the accumulated fact");
    }

    @Test
    void aRuleInATableIsCheckedAtItsRow() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp);
        Path table = rules.dir().resolve("best-fits.drl.csv");
        Files.writeString(table, Files.readString(table).replace("mostlyCrud == true || needsAdminInterface == true",
                "mostlyCrud == java.lang.System.getenv().isEmpty()"));

        List<RuleError> errors = catchThrowableOfType(InvalidRuleBaseException.class,
                () -> compiler.compile(rules.dir())).errors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("best-fits.drl.csv");
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.message()).contains("A SaaS startup shipping a standard product fast fits Django ORM",
                    "method calls, static fields and other classes are refused");
        });
    }

    @Test
    void aMisspelledFieldIsAnErrorListingTheFieldsNotARefusal() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("extra.drl", RulesFolder.HEADER + """
                rule "Misspelled"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("A typo.")
                when
                    Project( mostlyCrudd == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 1 ) );
                end
                """);

        InvalidRuleBaseException error = catchThrowableOfType(InvalidRuleBaseException.class,
                () -> compiler.compile(rules.dir()));

        assertThat(error).isNotInstanceOf(RefusedRulesException.class);
        assertThat(error.errors()).singleElement().satisfies(typo -> {
            assertThat(typo.file()).isEqualTo("extra.drl");
            assertThat(typo.line()).isEqualTo(9);
            assertThat(typo.message()).contains("mostlyCrudd is not a field of Project", "mostlyCrud, needsAdminInterface");
        });
    }

    @Test
    void fromMayReadAFieldOfAFactBoundEarlier() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("extra.drl", RulesFolder.HEADER + """
                rule "Hype is one of the reasons"
                    @statements("MISTAKE-5") @kind("MISTAKE") @explanation("Reads the reasons one by one.")
                when
                    $leaning : Leaning( )
                    LeaningReason( this == LeaningReason.HYPE ) from $leaning.reasons
                then
                    insert( new Warning( "MISTAKE-5", "Decide from your own project." ) );
                end
                """);

        assertThat(compiler.compile(rules.dir()).rules()).extracting(RuleDefinition::name)
                .contains("Hype is one of the reasons");
    }
}
