package dev.ormadvisor.cli;

import dev.ormadvisor.cli.CommandLine.Format;
import dev.ormadvisor.engine.InvalidRuleBaseException;
import dev.ormadvisor.engine.RuleError;
import dev.ormadvisor.engine.RuleSources;
import dev.ormadvisor.rulesets.RuleSetComparison;
import dev.ormadvisor.rulesets.RuleSetDiff;
import dev.ormadvisor.rulesets.RuleSetDiff.AspectChange;
import dev.ormadvisor.rulesets.RuleSetDiff.ChangedRule;
import dev.ormadvisor.rulesets.RuleSetDiff.FileDiff;
import dev.ormadvisor.rulesets.RuleSetVersion;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code diff DIR_A DIR_B}: what changed from one rules folder to another, as {@code GET
 * /api/v1/rulesets/{from}/diff/{to}} tells it for two versions of the service, for reviews in git.
 */
final class DiffCommand {

    static final String NAME = "diff";

    static final String USAGE = """
            Usage: java -jar orm-advisor.jar diff DIR_A DIR_B [--format text|json]

            Compares the rule files (.drl, .drl.csv, .drl.xlsx) of two rules folders: the rules added, removed
            and changed (conditions, consequence and its weight, metadata, salience), the statement keys that
            gained or lost rules, then a unified diff of every changed file (a workbook through the DRL it
            stands for). Neither folder needs to compile.

              --format text|json   a summary and diffs for people (default), or the JSON the service answers
              --help               this text

            Exit status: 0 compared (whether or not anything changed); 2 wrong usage, or a folder that cannot be
            read or holds no rule file.
            """;

    private final PrintStream out;
    private final PrintStream err;

    DiffCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode run(List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of(CommandLine.FORMAT));
        if (line.help()) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (line.arguments().size() != 2) {
            throw new UsageException("needs two rules folders, DIR_A and DIR_B, but got "
                    + (line.arguments().isEmpty() ? "none" : String.join(" ", line.arguments())));
        }
        Format format = line.format(Format.TEXT);
        Path from = Path.of(line.arguments().get(0));
        Path to = Path.of(line.arguments().get(1));
        RuleSetDiff diff;
        try {
            diff = RuleSetComparison.compare(read(from), read(to));
        } catch (InvalidRuleBaseException e) {
            e.errors().stream().map(RuleError::message).forEach(err::println);
            return ExitCode.UNUSABLE;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return ExitCode.UNUSABLE;
        }
        if (format == Format.JSON) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(diff));
        } else {
            print(diff, from, to);
        }
        return ExitCode.OK;
    }

    private static RuleSetVersion read(Path dir) {
        return RuleSetVersion.of(RuleSources.read(dir));
    }

    private void print(RuleSetDiff diff, Path from, Path to) {
        out.println("Rules " + from + " (version " + diff.from() + ") -> " + to + " (version " + diff.to() + ")");
        if (diff.identical()) {
            out.println("No differences: the rule files are the same.");
            return;
        }
        RuleSetDiff.RuleChanges rules = diff.rules();
        out.println(rules.added().size() + (rules.added().size() == 1 ? " rule" : " rules") + " added, "
                + rules.removed().size() + " removed, " + rules.changed().size() + " changed");
        section("Added:", rules.added().stream().map(name -> "+ " + name).toList());
        section("Removed:", rules.removed().stream().map(name -> "- " + name).toList());
        if (!rules.changed().isEmpty()) {
            out.println();
            out.println("Changed:");
            rules.changed().forEach(this::print);
        }
        section("Statements that gained rules:", statements(diff.statements().gained()));
        section("Statements that lost rules:", statements(diff.statements().lost()));
        section("Files whose rules could not be read (left out of the rules above):",
                diff.unreadable().stream().map(RuleError::toString).toList());
        for (FileDiff file : diff.files()) {
            out.println();
            out.print(file.unifiedDiff());
        }
    }

    private void print(ChangedRule rule) {
        out.println("~ " + rule.name() + " (" + rule.file() + ":" + rule.line() + ")");
        for (AspectChange change : rule.changes()) {
            out.println("    " + change.aspect().name().toLowerCase(Locale.ROOT) + ":");
            lines(change.before()).forEach(text -> out.println("      - " + text));
            lines(change.after()).forEach(text -> out.println("      + " + text));
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of("(none)") : text.lines().toList();
    }

    private static List<String> statements(Map<String, List<String>> rulesByKey) {
        return rulesByKey.entrySet().stream().map(key -> key.getKey() + ": " + String.join("; ", key.getValue()))
                .toList();
    }

    private void section(String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println();
            out.println(title);
            lines.forEach(line -> out.println("  " + line));
        }
    }
}
