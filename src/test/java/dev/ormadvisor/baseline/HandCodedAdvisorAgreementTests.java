package dev.ormadvisor.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.baseline.HandCodedAdvisor.Advice;
import dev.ormadvisor.engine.Decision;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.scenarios.Scenario;
import dev.ormadvisor.scenarios.ScenarioFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine benchmark compares the rules with {@link HandCodedAdvisor}, which is only a fair floor while it decides
 * exactly as the rules do: every scenario file is a test here, named after the file, that fails when the baseline
 * and the shipped rule base disagree on the verdict, its confidence, the scores, the fired statements or the
 * warnings.
 */
class HandCodedAdvisorAgreementTests {

    private final RuleBase ruleBase = new RuleBaseCompiler(1000).compile(ShippedRules.DIR);
    private final HandCodedAdvisor baseline = new HandCodedAdvisor();

    @TestFactory
    Stream<DynamicTest> theBaselineDecidesEveryScenarioAsTheShippedRulesDo() {
        List<Scenario> scenarios = new ScenarioFiles().read(ShippedRules.DIR.resolve("scenarios"));
        assertThat(scenarios).as("scenario files to compare on").isNotEmpty();
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.file(), () -> {
            Decision rules = ruleBase.decide(scenario.facts());
            Advice advice = baseline.advise(scenario.facts());
            assertSoftly(softly -> {
                String file = scenario.file();
                softly.assertThat(advice.verdict()).as("%s: verdict and confidence", file)
                        .isEqualTo(rules.verdict());
                softly.assertThat(advice.scores()).as("%s: scores", file).isEqualTo(rules.scores());
                softly.assertThat(advice.firedStatements()).as("%s: fired statements", file)
                        .containsExactlyInAnyOrderElementsOf(rules.firedStatements());
                softly.assertThat(advice.warnings()).as("%s: warnings", file).containsExactlyInAnyOrderElementsOf(
                        rules.warnings().stream().map(raised -> raised.warning().statement()).toList());
            });
        }));
    }
}
