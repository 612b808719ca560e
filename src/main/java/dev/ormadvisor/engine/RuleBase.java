package dev.ormadvisor.engine;

import dev.ormadvisor.facts.Facts;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One compiled, immutable rule set version. Shared by all requests: each evaluation gets its own session, so
 * concurrent evaluations never see each other's facts.
 */
public final class RuleBase {

    private final KieSessionsPool sessions;
    private final RuleSources sources;
    private final StatementCatalog catalog;
    private final List<RuleDefinition> rules;
    private final Map<String, RuleDefinition> rulesByName;
    private final int maxFirings;

    RuleBase(KieBase kieBase, RuleSources sources, StatementCatalog catalog, List<RuleDefinition> rules,
            int maxFirings) {
        // Building a session and its node memories was about 30% of an evaluation's CPU (bench/engine.sh): reuse
        // them. Disposing a pooled session resets it (facts, agenda, listeners) and hands it back; the pool grows
        // to the number of concurrent evaluations and goes away with this rule set.
        this.sessions = kieBase.newKieSessionsPool(0);
        this.sources = sources;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.rulesByName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleDefinition::name,
                Function.identity()));
        this.maxFirings = maxFirings;
    }

    public String version() {
        return sources.version();
    }

    /** Every rule, ordered by file and then by position in the file. */
    public List<RuleDefinition> rules() {
        return rules;
    }

    public RuleSources sources() {
        return sources;
    }

    /** The statement keys these rules encode, from the rules folder's {@code statements.yaml}. */
    public StatementCatalog catalog() {
        return catalog;
    }

    /**
     * The session one evaluation runs in; dispose it when done. Package-private so that the engine benchmark
     * (src/bench) can run the very session {@link #decide} runs without the firing trace, to price the trace.
     */
    KieSession newSession() {
        return sessions.newKieSession();
    }

    public Decision decide(Facts facts) {
        FiringTrace trace = new FiringTrace(rulesByName);
        KieSession session = newSession();
        try {
            session.addEventListener((AgendaEventListener) trace);
            session.addEventListener((RuleRuntimeEventListener) trace);
            session.insert(facts.project());
            session.insert(facts.team());
            session.insert(facts.leaning());
            int fired = session.fireAllRules(maxFirings + 1);
            if (fired > maxFirings) {
                String last = trace.fired().get(trace.fired().size() - 1).rule().name();
                throw new EvaluationFailedException("The rules fired more than " + maxFirings
                        + " times for one evaluation: a rule is probably re-triggering itself. Last fired: \""
                        + last + "\".", last, null);
            }
        } catch (ConsequenceException e) {
            String rule = e.getMatch().getRule().getName();
            throw new EvaluationFailedException("The consequence of rule \"" + rule + "\" failed: "
                    + rootMessage(e), rule, e);
        } finally {
            session.dispose();
        }
        checkWarningsCiteTheirRule(trace.warnings());
        return new Decision(version(), single(trace.verdicts(), "Verdict"), single(trace.scores(), "Scores"),
                trace.fired(), trace.warnings());
    }

    /** A warning labelled with a key its rule does not encode would send an auditor to the wrong sentence. */
    private static void checkWarningsCiteTheirRule(List<RaisedWarning> warnings) {
        for (RaisedWarning raised : warnings) {
            if (!raised.rule().statements().contains(raised.warning().statement())) {
                throw new EvaluationFailedException("Rule \"" + raised.rule().name() + "\" raised a warning for "
                        + raised.warning().statement() + " but its @statements are " + raised.rule().statements(),
                        raised.rule().name(), null);
            }
        }
    }

    private static <T> T single(List<T> conclusions, String type) {
        if (conclusions.size() != 1) {
            throw new EvaluationFailedException("The verdict rules must insert exactly one " + type + ", but "
                    + conclusions.size() + " were inserted.", null, null);
        }
        return conclusions.get(0);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
