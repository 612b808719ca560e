package dev.ormadvisor.cli;

import dev.ormadvisor.engine.InvalidRuleBaseException;
import dev.ormadvisor.engine.RefusedRulesException;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.engine.RuleBaseCompiler;
import dev.ormadvisor.engine.RuleError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** Compiles a rules folder as the service does, or tells its author every error as {@code file:line: message}. */
final class RulesFolder {

    /** The service's default for {@code advisor.rules.max-firings}, so a looping rule fails here as it would there. */
    private static final int MAX_FIRINGS = 1000;

    private RulesFolder() {
    }

    /**
     * The compiled rules, or none with every error printed as {@code file:line: message} and the exit status a
     * check deserves: rules the safety check refuses fail it, rules that do not compile leave nothing to judge.
     */
    static Compilation compile(Path rulesDir, PrintStream err) {
        try {
            return new Compilation(Optional.of(new RuleBaseCompiler(MAX_FIRINGS).compile(rulesDir)), ExitCode.OK);
        } catch (RefusedRulesException e) {
            err.println("The rules in " + rulesDir
                    + " go beyond the rule language and are refused (file:line: message):");
            e.errors().stream().map(RuleError::toString).forEach(err::println);
            return new Compilation(Optional.empty(), ExitCode.FAILED);
        } catch (InvalidRuleBaseException e) {
            err.println("The rules in " + rulesDir + " do not compile (file:line: message):");
            e.errors().stream().map(RuleError::toString).forEach(err::println);
            return new Compilation(Optional.empty(), ExitCode.UNUSABLE);
        }
    }

    record Compilation(Optional<RuleBase> ruleBase, ExitCode failure) {
    }
}
