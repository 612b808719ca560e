package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ormadvisor.conclusions.Choice;
import dev.ormadvisor.conclusions.Evidence;
import dev.ormadvisor.conclusions.Option;
import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.Framework;
import dev.ormadvisor.facts.Leaning;
import dev.ormadvisor.facts.LeaningChoice;
import dev.ormadvisor.facts.Project;
import dev.ormadvisor.facts.Team;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTests {

    private static final RuleBase SHIPPED = new RuleBaseCompiler(1000).compile(Path.of("rules"));

    private static final String LOOPING_RULE = RulesFolder.HEADER + """
            rule "Re-triggers itself forever"
                @statements("DJ-3") @kind("CHOOSE") @explanation("Loops on purpose.")
            when
                Project( mostlyCrud == true )
                Evidence()
            then
                insert( new Evidence( Option.DJANGO_ORM, 1 ) );
            end
            """;

    @TempDir
    Path tmp;

    @Test
    void reportsFiredRulesInFiringOrderWithTheEvidenceEachRecorded() {
        Decision decision = SHIPPED.decide(djangoApp(LeaningChoice.SQLALCHEMY));

        List<String> names = decision.firedRules().stream().map(fired -> fired.rule().name()).toList();
        assertThat(names).startsWith("Building a Django app means Django ORM");
        assertThat(names.get(names.size() - 2)).isEqualTo("Add up the evidence for each option");
        assertThat(decision.firedRules().get(0).evidence()).containsExactly(new Evidence(Option.DJANGO_ORM, 5));
        assertThat(decision.firedRules().get(names.size() - 1).rule().kind()).isEqualTo(RuleKind.VERDICT);
    }

    @Test
    void tiesEachWarningToTheRuleThatRaisedIt() {
        Decision decision = SHIPPED.decide(djangoApp(LeaningChoice.SQLALCHEMY));

        assertThat(decision.warnings()).singleElement().satisfies(raised -> {
            assertThat(raised.warning().statement()).isEqualTo("CAUTION-2");
            assertThat(raised.rule().name()).isEqualTo("Using SQLAlchemy inside a Django app");
            assertThat(raised.rule().file()).isEqualTo("mistakes.drl");
        });
    }

    @Test
    void addsUpTheEvidenceTheFiredRulesRecorded() {
        Decision decision = SHIPPED.decide(djangoApp(LeaningChoice.SQLALCHEMY));

        int djangoOrm = decision.firedRules().stream().flatMap(fired -> fired.evidence().stream())
                .filter(evidence -> evidence.option() == Option.DJANGO_ORM).mapToInt(Evidence::weight).sum();
        assertThat(decision.scores().djangoOrm()).isEqualTo(djangoOrm).isPositive();
        assertThat(decision.verdict().choice()).isEqualTo(Choice.DJANGO_ORM);
    }

    @Test
    void stopsALoopingRuleAtTheFiringCapAndNamesIt() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("loop.drl", LOOPING_RULE);
        RuleBase looping = new RuleBaseCompiler(50).compile(rules.dir());

        EvaluationFailedException error = catchThrowableOfType(EvaluationFailedException.class,
                () -> looping.decide(new Facts(crud(), null, null)));

        assertThat(error.getMessage()).contains("more than 50 times");
        assertThat(error.rule()).isEqualTo("Re-triggers itself forever");
    }

    @Test
    void anEvaluationStoppedMidwayLeavesNothingBehindForTheNextOne() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("loop.drl", LOOPING_RULE);
        RuleBase looping = new RuleBaseCompiler(50).compile(rules.dir());
        Facts unrelated = djangoApp(LeaningChoice.SQLALCHEMY);
        Decision before = looping.decide(unrelated);

        // Sessions are pooled: these stop at the firing cap with activations and facts still in their session.
        for (int i = 0; i < 4; i++) {
            catchThrowableOfType(EvaluationFailedException.class, () -> looping.decide(new Facts(crud(), null, null)));
        }

        Decision after = looping.decide(unrelated);
        assertThat(after.firedRules()).isEqualTo(before.firedRules());
        assertThat(after.warnings()).isEqualTo(before.warnings());
        assertThat(after.verdict()).isEqualTo(before.verdict());
        assertThat(after.scores()).isEqualTo(before.scores());
    }

    @Test
    void turnsAFailingConsequenceIntoAnErrorNamingTheRule() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("zero.drl", RulesFolder.HEADER + """
                rule "Records weightless evidence"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("Throws on purpose.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 0 ) );
                end
                """);
        RuleBase throwing = new RuleBaseCompiler(1000).compile(rules.dir());

        EvaluationFailedException error = catchThrowableOfType(EvaluationFailedException.class,
                () -> throwing.decide(new Facts(crud(), null, null)));

        assertThat(error.rule()).isEqualTo("Records weightless evidence");
        assertThat(error.getMessage()).contains("weight must be at least 1");
    }

    @Test
    void refusesAWarningLabelledWithAKeyItsRuleDoesNotCite() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("mislabelled.drl", RulesFolder.HEADER + """
                rule "Warns under someone else's key"
                    @statements("MISTAKE-5") @kind("MISTAKE") @explanation("Mislabelled on purpose.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Warning( "MISTAKE-1", "Some advice." ) );
                end
                """);
        RuleBase mislabelled = new RuleBaseCompiler(1000).compile(rules.dir());

        EvaluationFailedException error = catchThrowableOfType(EvaluationFailedException.class,
                () -> mislabelled.decide(new Facts(crud(), null, null)));

        assertThat(error.rule()).isEqualTo("Warns under someone else's key");
        assertThat(error.getMessage()).contains("MISTAKE-1", "[MISTAKE-5]");
    }

    @Test
    void refusesToAnswerWhenTheVerdictRulesReachNoVerdict() {
        RulesFolder rules = new RulesFolder(tmp).file("evidence-only.drl", RulesFolder.HEADER + """
                rule "Only evidence, never a verdict"
                    @statements("DJ-3") @kind("CHOOSE") @explanation("No verdict rules at all.")
                when
                    Project( mostlyCrud == true )
                then
                    insert( new Evidence( Option.DJANGO_ORM, 3 ) );
                end
                """);
        RuleBase noVerdict = new RuleBaseCompiler(1000).compile(rules.dir());

        assertThat(catchThrowableOfType(EvaluationFailedException.class,
                () -> noVerdict.decide(new Facts(crud(), null, null))))
                .hasMessageContaining("exactly one Verdict");
    }

    @Test
    void concurrentEvaluationsNeverSeeEachOthersFacts() throws Exception {
        Facts django = djangoApp(null);
        Facts fastApi = new Facts(new Project(Framework.FASTAPI, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null), null, null);
        Decision expectedDjango = SHIPPED.decide(django);
        Decision expectedFastApi = SHIPPED.decide(fastApi);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> {
                    Decision decision = SHIPPED.decide(even ? django : fastApi);
                    Decision expected = even ? expectedDjango : expectedFastApi;
                    return decision.verdict().equals(expected.verdict())
                            && decision.scores().equals(expected.scores())
                            && decision.firedRules().equals(expected.firedRules());
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Facts djangoApp(LeaningChoice leaning) {
        Project project = new Project(Framework.DJANGO, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        return new Facts(project, Team.UNKNOWN, new Leaning(leaning, null));
    }

    private static Project crud() {
        return new Project(null, null, true, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
