package dev.ormadvisor.cli;

import dev.ormadvisor.transparency.VerifierKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code audit}: checks the service's transparency logs from outside the service, trusting nothing it says
 * without the log's verifier key.
 */
final class AuditCommand {

    static final String NAME = "audit";

    static final String USAGE = """
            Usage: java -jar orm-advisor.jar audit verify-receipt RECEIPT.json --key VKEY [--leaf LEAF.bin]
                   java -jar orm-advisor.jar audit follow --url URL --key VKEY [--key VKEY ...] --state DIR

            Checks the service's audit logs from outside the service, with nothing but their verifier keys.

              verify-receipt   proves that one evaluation is in a log, under a checkpoint the log signed
              follow           proves that every log only grew since the last run, and keeps its checkpoints

            'audit verify-receipt --help' and 'audit follow --help' describe each.
            """;

    private final PrintStream out;
    private final PrintStream err;

    AuditCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode run(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("which audit? verify-receipt or follow");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case VerifyReceiptCommand.NAME -> new VerifyReceiptCommand(out, err).run(rest);
            case FollowCommand.NAME -> new FollowCommand(out, err).run(rest);
            case "--help", "-h" -> {
                out.print(USAGE);
                yield ExitCode.OK;
            }
            default -> throw new UsageException("unknown audit '" + args.get(0) + "': verify-receipt or follow");
        };
    }

    /** The usage text for these {@code audit} arguments: the subcommand's if they name one. */
    static String usage(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals(VerifyReceiptCommand.NAME)) {
            return VerifyReceiptCommand.USAGE;
        }
        if (!args.isEmpty() && args.get(0).equals(FollowCommand.NAME)) {
            return FollowCommand.USAGE;
        }
        return USAGE;
    }

    /**
     * {@code --key}: a verifier key ({@code <name>+<key id>+<base64 key>}) or a file holding one, as a log
     * operator publishes it.
     */
    static VerifierKey verifierKey(String value) {
        Path file = null;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            // Not a path on this system, so it can only be the key itself.
        }
        if (file != null && Files.isRegularFile(file)) {
            String content;
            try {
                content = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UsageException("--key " + value + " cannot be read: " + e.getMessage());
            }
            try {
                return VerifierKey.parse(content);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--key " + value + " does not hold a verifier key: " + e.getMessage());
            }
        }
        try {
            return VerifierKey.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key " + value + " is neither a verifier key nor a file: " + e.getMessage());
        }
    }

    /** How the output names a key: the name and id that its signature lines carry. */
    static String describe(VerifierKey key) {
        return key.name() + "+" + HexFormat.of().formatHex(key.keyId());
    }
}
