package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseInServiceTests {

    private static final String EXTRA_RULE = RulesFolder.HEADER + """
            rule "Valuing convention twice"
                @statements("DJ-4") @kind("CHOOSE") @explanation("An extra rule.")
            when
                Team( valuesConvention == true )
            then
                insert( new Evidence( Option.DJANGO_ORM, 1 ) );
            end
            """;

    @TempDir
    Path tmp;

    @Test
    void swapsInAnEditedRuleSetAsANewVersion() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp);
        RuleBaseInService inService = inService(rules);
        RuleBase before = inService.current();

        rules.file("extra.drl", EXTRA_RULE);
        ReloadOutcome outcome = inService.reload();

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.version()).isNotEqualTo(before.version()).isEqualTo(inService.current().version());
        assertThat(inService.current().rules()).extracting(RuleDefinition::name).contains("Valuing convention twice");
        assertThat(before.rules()).extracting(RuleDefinition::name).doesNotContain("Valuing convention twice");
    }

    @Test
    void keepsTheLastGoodRuleSetWhenAnEditDoesNotCompileAndClearsTheErrorsOnceFixed() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp);
        RuleBaseInService inService = inService(rules);
        String good = inService.current().version();

        rules.file("extra.drl", EXTRA_RULE.replace("valuesConvention", "valuesConventions"));
        ReloadOutcome broken = inService.reload();

        assertThat(broken.ok()).isFalse();
        assertThat(broken.version()).isEqualTo(good);
        assertThat(inService.current().version()).isEqualTo(good);
        assertThat(broken.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("extra.drl");
            assertThat(error.line()).isEqualTo(9);
        });
        assertThat(inService.lastReload()).isEqualTo(broken);

        rules.file("extra.drl", EXTRA_RULE);
        ReloadOutcome fixed = inService.reload();

        assertThat(fixed.ok()).isTrue();
        assertThat(fixed.errors()).isEmpty();
        assertThat(inService.current().version()).isNotEqualTo(good);
    }

    @Test
    void rejectsARuleSetThatFailsTheChecksBeforeItServes() {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp);
        List<RuleError> complaint = List.of(new RuleError("extra.drl", 6, "fails on a scenario"));
        RuleBaseInService inService = new RuleBaseInService(rules.dir(), new RuleBaseCompiler(1000),
                candidate -> candidate.rules().stream().anyMatch(rule -> rule.file().equals("extra.drl"))
                        ? complaint : List.of(), Clock.systemUTC());
        String good = inService.current().version();

        rules.file("extra.drl", EXTRA_RULE);
        ReloadOutcome outcome = inService.reload();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.errors()).isEqualTo(complaint);
        assertThat(inService.current().version()).isEqualTo(good);
    }

    @Test
    void refusesToStartWithoutAGoodRuleSet() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp).file("extra.drl", "rule oops");

        assertThatThrownBy(() -> inService(rules)).isInstanceOf(InvalidRuleBaseException.class)
                .hasMessageContaining("extra.drl:1");
        assertThat(Files.exists(rules.dir().resolve("extra.drl"))).isTrue();
    }

    @Test
    void tellsAListenerAddedAfterALoadAboutThatLoadFirst() {
        RuleBaseInService inService = inService(RulesFolder.copyOfShippedRules(tmp));
        List<ReloadOutcome> heard = new ArrayList<>();

        inService.onReload(heard::add);
        ReloadOutcome next = inService.reload();

        assertThat(heard).hasSize(2).endsWith(next);
    }

    @Test
    void aDeletedRulesFolderIsAFailedReloadNotACrash() throws Exception {
        RulesFolder rules = RulesFolder.copyOfShippedRules(tmp.resolve("rules"));
        RuleBaseInService inService = inService(rules);
        String good = inService.current().version();

        try (var files = Files.walk(rules.dir())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        ReloadOutcome outcome = inService.reload();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.errors()).singleElement().extracting(RuleError::message).asString()
                .contains("does not exist");
        assertThat(inService.current().version()).isEqualTo(good);
    }

    private static RuleBaseInService inService(RulesFolder rules) {
        return new RuleBaseInService(rules.dir(), new RuleBaseCompiler(1000), RuleBaseCheck.NONE,
                Clock.systemUTC());
    }
}
