package dev.ormadvisor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The article's statements and the rules that encode them must match one to one in both directions. */
class KnowledgeBaseCoverageTests {

    private final RuleBase ruleBase = new RuleBaseCompiler(1000).compile(Path.of("rules"));

    @Test
    void everyStatementOfTheArticleIsEncodedByAtLeastOneRule() {
        Set<String> cited = ruleBase.rules().stream().flatMap(rule -> rule.statements().stream())
                .collect(Collectors.toSet());

        assertThat(ruleBase.catalog().statements()).allSatisfy(statement -> assertThat(cited)
                .as("statement %s (%s) has no rule", statement.key(), statement.text()).contains(statement.key()));
    }

    @Test
    void theCatalogHoldsEveryKeyOfTheArticle() {
        assertThat(ruleBase.catalog().statements()).hasSize(43).extracting(Statement::key)
                .contains("DJ-1", "DJ-6", "DJ-BEST-5", "SA-1", "SA-6", "SA-BEST-5", "FACTOR-ADMIN",
                        "FACTOR-DB-CENTRAL", "THUMB-FRAMEWORK", "THUMB-DATA", "MISTAKE-5", "CAUTION-4", "VERDICT");
    }

    @Test
    void everyRuleCitesOnlyStatementsOfItsOwnKind() {
        assertThat(ruleBase.rules()).allSatisfy(rule -> assertThat(rule.statements()).allSatisfy(key ->
                assertThat(ruleBase.catalog().find(key)).get().extracting(Statement::kind).isEqualTo(rule.kind())));
    }
}
