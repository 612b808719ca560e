package dev.ormadvisor.cli;

import dev.ormadvisor.engine.InvalidRuleBaseException;
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

    static Optional<RuleBase> compile(Path rulesDir, PrintStream err) {
        try {
            return Optional.of(new RuleBaseCompiler(MAX_FIRINGS).compile(rulesDir));
        } catch (InvalidRuleBaseException e) {
            err.println("The rules in " + rulesDir + " do not compile (file:line: message):");
            e.errors().stream().map(RuleError::toString).forEach(err::println);
            return Optional.empty();
        }
    }
}
