package dev.ormadvisor.cli;

import dev.ormadvisor.cli.CommandLine.Format;
import dev.ormadvisor.cli.FactsFile.InvalidFactsFileException;
import dev.ormadvisor.engine.EvaluationFailedException;
import dev.ormadvisor.engine.RuleBase;
import dev.ormadvisor.evaluation.Evaluation;
import dev.ormadvisor.evaluation.EvaluationReport;
import dev.ormadvisor.evaluation.EvaluationReport.EvidenceView;
import dev.ormadvisor.evaluation.EvaluationReport.FiredRuleView;
import dev.ormadvisor.evaluation.EvaluationReport.WarningView;
import dev.ormadvisor.evaluation.EvaluationRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code evaluate FILE.json}: the service's answer to a facts file, without the service. */
final class EvaluateCommand {

    static final String NAME = "evaluate";

    static final String USAGE = """
            Usage: java -jar orm-advisor.jar evaluate FILE.json [--rules DIR] [--format json|text]

            Answers the facts in FILE.json (the body of POST /api/v1/evaluations: label, project, team, leaning),
            read exactly as strictly as the API reads it.

              --rules DIR          the rules folder (default: $ADVISOR_RULES_DIR, else ./rules)
              --format json|text   the API's JSON answer (default) or a short summary for people
              --help               this text

            Exit status: 0 answered; 1 a rule failed on these facts; 2 wrong usage, a facts file the API would
            refuse, or rules that do not compile.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;

    EvaluateCommand(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
    }

    ExitCode run(List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of(CommandLine.RULES, CommandLine.FORMAT));
        if (line.help()) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (line.arguments().size() != 1) {
            throw new UsageException("needs exactly one facts file, but got "
                    + (line.arguments().isEmpty() ? "none" : String.join(" ", line.arguments())));
        }
        Format format = line.format(Format.JSON);
        Path rulesDir = line.rulesDir(environment);

        EvaluationRequest request;
        try {
            request = FactsFile.read(Path.of(line.arguments().get(0)));
        } catch (InvalidFactsFileException e) {
            err.println(e.getMessage());
            return ExitCode.UNUSABLE;
        }
        Optional<RuleBase> compiled = RulesFolder.compile(rulesDir, err).ruleBase();
        if (compiled.isEmpty()) {
            return ExitCode.UNUSABLE;
        }
        RuleBase ruleBase = compiled.get();
        EvaluationReport report;
        try {
            report = EvaluationReport.of(Evaluation.of(ruleBase, request.label(), request.facts(), clock));
        } catch (EvaluationFailedException e) {
            err.println("The rules could not answer these facts: " + e.getMessage());
            return ExitCode.FAILED;
        }
        if (format == Format.JSON) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        } else {
            printSummary(report);
        }
        return ExitCode.OK;
    }

    private void printSummary(EvaluationReport report) {
        if (report.label() != null) {
            out.println(report.label());
        }
        out.println("Verdict: " + report.verdict().choice() + " (confidence " + report.verdict().confidence() + ")");
        out.println("Scores:  " + report.verdict().scores().entrySet().stream()
                .map(score -> score.getKey() + " " + score.getValue()).collect(Collectors.joining(", ")));
        out.println("Rules version " + report.rulesVersion());
        out.println();
        out.println("Fired rules, in firing order:");
        List<FiredRuleView> fired = report.firedRules();
        for (int i = 0; i < fired.size(); i++) {
            FiredRuleView rule = fired.get(i);
            out.printf("%3d. [%s] %s%s%n", i + 1, String.join(", ", rule.statements()), rule.name(),
                    evidence(rule.evidence()));
        }
        out.println();
        if (report.warnings().isEmpty()) {
            out.println("Warnings: none");
        } else {
            out.println("Warnings:");
            for (WarningView warning : report.warnings()) {
                out.println("  " + warning.statement() + " (" + warning.rule() + "): " + warning.message());
            }
        }
    }

    private static String evidence(List<EvidenceView> evidence) {
        return evidence.isEmpty() ? "" : "  " + evidence.stream()
                .map(added -> "+" + added.weight() + " " + added.option()).collect(Collectors.joining(", "));
    }
}
