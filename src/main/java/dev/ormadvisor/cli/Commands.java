package dev.ormadvisor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The jar's commands ({@code check}, {@code evaluate}, {@code audit}, {@code diff}), run without Spring: they must be
 * quick in a CI job and must never open a port. Output goes to the given streams and the exit status is returned, so
 * tests run the commands in-process exactly as the jar does.
 */
public final class Commands {

    private static final String LOGGING = "dev/ormadvisor/cli/logback-commands.xml";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;

    public Commands(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /** Whether these arguments name a command; anything else starts the service. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals(CheckCommand.NAME) || args[0].equals(EvaluateCommand.NAME)
                || args[0].equals(AuditCommand.NAME) || args[0].equals(DiffCommand.NAME));
    }

    /**
     * Runs a command on this process's console. UTF-8 whatever the platform's default, because rule and scenario
     * names are not ASCII and the JSON output is read by tools. Must run before anything logs: without Spring Boot
     * to set it up, Logback would log to stdout, into the command's output.
     */
    public static int runOnConsole(String[] args) {
        System.setProperty("logback.configurationFile", LOGGING);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Commands(out, err, System.getenv(), Clock.systemUTC()).run(args);
    }

    public int run(String... args) {
        if (!isCommand(args)) {
            throw new IllegalArgumentException("not a command: " + Arrays.toString(args));
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            ExitCode exit = switch (args[0]) {
                case CheckCommand.NAME -> new CheckCommand(out, err, environment).run(rest);
                case EvaluateCommand.NAME -> new EvaluateCommand(out, err, environment, clock).run(rest);
                case DiffCommand.NAME -> new DiffCommand(out, err).run(rest);
                default -> new AuditCommand(out, err).run(rest);
            };
            return exit.status();
        } catch (UsageException e) {
            err.println(args[0] + ": " + e.getMessage());
            err.println();
            err.print(usage(args[0], rest));
            return ExitCode.UNUSABLE.status();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String usage(String command, List<String> args) {
        return switch (command) {
            case CheckCommand.NAME -> CheckCommand.USAGE;
            case EvaluateCommand.NAME -> EvaluateCommand.USAGE;
            case DiffCommand.NAME -> DiffCommand.USAGE;
            default -> AuditCommand.usage(args);
        };
    }
}
