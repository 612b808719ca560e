package dev.ormadvisor.cli;

import dev.ormadvisor.cli.CommandLine.Format;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.scenarios.Coverage;
import dev.ormadvisor.scenarios.Coverage.RuleCoverage;
import dev.ormadvisor.scenarios.InvalidScenarioException;
import dev.ormadvisor.scenarios.Scenario;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import dev.ormadvisor.scenarios.ScenarioCheck;
import dev.ormadvisor.scenarios.ScenarioFiles;
import dev.ormadvisor.scenarios.ScenarioOutcome;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code check}: do the rules compile, does every scenario get its expected answer, and which rules go untested. */
final class CheckCommand {

    static final String NAME = "check";
    static final String MIN_COVERAGE = "--min-coverage";

    static final String USAGE = """
            Usage: java -jar orm-advisor.jar check [--rules DIR] [--min-coverage PCT] [--format text|json]

            Compiles the rules, runs every scenario in DIR/scenarios/ and reports, for each rule, how many
            scenarios fire it.

              --rules DIR          the rules folder (default: $ADVISOR_RULES_DIR, else ./rules)
              --min-coverage PCT   fail unless at least PCT% of the rules are fired by some scenario (default 0)
              --format text|json   a table for people (default) or one JSON document for tools
              --help               this text

            Exit status: 0 every scenario passes and coverage is at least PCT; 1 a scenario failed or coverage is
            too low; 2 wrong usage, an unreadable scenario file, or rules that do not compile.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    CheckCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    ExitCode run(List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of(CommandLine.RULES, CommandLine.FORMAT, MIN_COVERAGE));
        if (line.help()) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (!line.arguments().isEmpty()) {
            throw new UsageException("takes no arguments, but got " + String.join(" ", line.arguments()));
        }
        Format format = line.format(Format.TEXT);
        double minCoverage = line.option(MIN_COVERAGE).map(CheckCommand::percentage).orElse(0.0);
        Path rulesDir = line.rulesDir(environment);

        RulesFolder.Compilation compiled = RulesFolder.compile(rulesDir, err);
        if (compiled.ruleBase().isEmpty()) {
            return compiled.failure();
        }
        RuleBase ruleBase = compiled.ruleBase().get();
        Path scenariosDir = rulesDir.resolve(ScenarioFactsCheck.FOLDER);
        List<Scenario> scenarios;
        try {
            scenarios = new ScenarioFiles().read(scenariosDir);
        } catch (InvalidScenarioException | UncheckedIOException e) {
            err.println("The scenarios in " + scenariosDir + " cannot be read: " + e.getMessage());
            return ExitCode.UNUSABLE;
        }

        CheckReport report = check(rulesDir, ruleBase, scenarios, minCoverage);
        if (format == Format.JSON) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        } else {
            printTable(report);
        }
        return report.passed() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static double percentage(String value) {
        try {
            double percentage = Double.parseDouble(value);
            if (percentage >= 0 && percentage <= 100) {
                return percentage;
            }
        } catch (NumberFormatException e) {
            // answered below, with the value the user typed
        }
        throw new UsageException(MIN_COVERAGE + " must be a percentage from 0 to 100, not '" + value + "'");
    }

    private static CheckReport check(Path rulesDir, RuleBase ruleBase, List<Scenario> scenarios,
            double minCoverage) {
        ScenarioCheck.Result result = new ScenarioCheck().run(ruleBase, scenarios, minCoverage);
        return CheckReport.of(rulesDir.toString(), ruleBase.version(), result.scenarios(), result.coverage());
    }

    private void printTable(CheckReport report) {
        out.println("Rules " + report.rulesDir() + " (version " + report.rulesVersion() + "): "
                + report.coverage().total() + " rules, " + report.totals().scenarios() + " scenarios");
        out.println();
        // Scenario names are long sentences: last, so the short columns stay aligned without a screen-wide gap.
        String row = "%-6s  %-15s  %-15s  %s%n";
        out.printf(row, "RESULT", "EXPECTED", "GOT", "SCENARIO");
        for (ScenarioOutcome scenario : report.scenarios()) {
            out.printf(row, scenario.passed() ? "PASS" : "FAIL", scenario.expected(),
                    scenario.got() == null ? "-" : scenario.got(), scenario.name());
            if (!scenario.passed()) {
                out.println("        in " + ScenarioFactsCheck.FOLDER + "/" + scenario.file() + ":");
                scenario.failures().forEach(failure -> out.println("        - " + failure));
            }
        }

        Coverage coverage = report.coverage();
        out.println();
        out.println("Coverage: how many scenarios fire each rule");
        int locationWidth = width("FILE:LINE", coverage.rules().stream().map(RuleCoverage::location));
        String ruleRow = "%-" + locationWidth + "s  %9s  %s%n";
        out.printf(ruleRow, "FILE:LINE", "SCENARIOS", "RULE");
        coverage.rules().forEach(rule -> out.printf(ruleRow, rule.location(), rule.scenarios(), rule.name()));
        out.println();
        if (coverage.uncovered().isEmpty()) {
            out.println("Every rule is fired by at least one scenario.");
        } else {
            out.println("Rules no scenario fires (" + coverage.uncovered().size() + "):");
            coverage.uncovered().forEach(rule -> out.printf("  %-" + locationWidth + "s  %s%n", rule.location(),
                    rule.name()));
        }
        out.println("Coverage: " + coverage.covered() + " of " + coverage.total() + " rules fired by at least one"
                + " scenario (" + CheckReport.percent(coverage.percentage()) + ", minimum "
                + CheckReport.percent(coverage.minimum()) + ")");
        out.println();
        report.failedThresholds().forEach(threshold -> out.println("FAILED: " + threshold));
        out.println(report.totals().passed() + " passed, " + report.totals().failed() + " failed");
    }

    private static int width(String header, Stream<String> values) {
        return Math.max(header.length(), values.collect(Collectors.summarizingInt(String::length)).getMax());
    }
}
