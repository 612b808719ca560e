package dev.ormadvisor;

import dev.ormadvisor.cli.Commands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An outside auditor: the jar's own {@code audit} commands, run in-process exactly as the jar runs them, with the
 * verifier key the auditor chose to trust and the folder where {@code follow} keeps the checkpoints it has seen.
 */
public final class Auditor {

    private final String verifierKey;
    private final Path workDir;

    public Auditor(String verifierKey, Path workDir) {
        this.verifierKey = verifierKey;
        this.workDir = workDir;
    }

    /** {@code audit follow --url URL --key KEY --state DIR}. */
    public Outcome follow(String url) {
        return run("audit", "follow", "--url", url, "--key", verifierKey, "--state",
                workDir.resolve("follow-state").toString());
    }

    /** {@code audit verify-receipt FILE --key KEY [--leaf FILE]}, the receipt (or a whole answer) given as text. */
    public Outcome verifyReceipt(String receiptOrAnswer, byte[] leaf) {
        try {
            Files.createDirectories(workDir);
            Path receipt = Files.createTempFile(workDir, "receipt", ".json");
            Files.writeString(receipt, receiptOrAnswer);
            List<String> args = new ArrayList<>(List.of("audit", "verify-receipt", receipt.toString(), "--key",
                    verifierKey));
            if (leaf != null) {
                Path leafFile = Files.createTempFile(workDir, "leaf", ".bin");
                Files.write(leafFile, leaf);
                args.addAll(List.of("--leaf", leafFile.toString()));
            }
            return run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Commands(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC()).run(args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The exit status (0 consistent, 1 not, 2 unusable) and what the command printed. */
    public record Outcome(int exit, String out, String err) {

        public String printed() {
            return out + err;
        }
    }
}
