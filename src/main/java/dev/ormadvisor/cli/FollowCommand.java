package dev.ormadvisor.cli;

import dev.ormadvisor.cli.AuditLogApi.Consistency;
import dev.ormadvisor.cli.AuditLogApi.ListedLog;
import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.SignedNote;
import dev.ormadvisor.transparency.VerifierKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code audit follow}: has every log of the service only grown since this command last saw it? Run it on a
 * schedule, from outside the service: it keeps each log's last checkpoint and demands a consistency proof from it
 * to the new one, which a log that rewrote or dropped history cannot give.
 */
final class FollowCommand {

    static final String NAME = "follow";
    static final String URL = "--url";
    static final String KEY = "--key";
    static final String STATE = "--state";

    static final String USAGE = """
            Usage: java -jar orm-advisor.jar audit follow --url URL --key VKEY [--key VKEY ...] --state DIR

            Checks every audit log the service at URL lists: its checkpoint is signed by one of the keys and is of
            that log, and, if DIR keeps an earlier checkpoint of the log, the log's consistency proof shows that the
            new tree extends the kept one. Then keeps the new checkpoints in DIR (one <log id>.checkpoint file per
            log). When anything fails DIR is left as it was, so the next run fails again until someone looks.

              --url URL     the service, e.g. https://orm-advisor.example
              --key VKEY    a verifier key the logs may sign with (<name>+<key id>+<base64 key>), or a file
                            holding it; give it again for each key
              --state DIR   where the checkpoints seen so far are kept (created if missing)
              --help        this text

            Exit status: 0 every log is consistent with what DIR kept; 1 a log is not, or is no longer listed, or
            its checkpoint is not signed by a key (each one is named, with why); 2 wrong usage, DIR unreadable, or
            the service unreachable or answering with an error or something other than the expected JSON.
            """;

    /** Log ids become file names here and path segments of the URL: nothing that could escape either. */
    private static final Pattern LOG_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String KEPT = ".checkpoint";

    private final PrintStream out;
    private final PrintStream err;

    FollowCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode run(List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of(URL, STATE), Set.of(KEY));
        if (line.help()) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (!line.arguments().isEmpty()) {
            throw new UsageException("takes no arguments, but got " + String.join(" ", line.arguments()));
        }
        URI url = url(line.option(URL).orElseThrow(() -> new UsageException(URL + " is required: the service")));
        if (line.values(KEY).isEmpty()) {
            throw new UsageException(KEY + " is required: a verifier key the logs sign with, or a file holding it");
        }
        List<VerifierKey> keys = line.values(KEY).stream().map(AuditCommand::verifierKey).toList();
        Path state = Path.of(line.option(STATE)
                .orElseThrow(() -> new UsageException(STATE + " is required: where checkpoints are kept")));

        try {
            Map<String, Checkpoint> kept = kept(state);
            AuditLogApi api = new AuditLogApi(url);
            List<ListedLog> logs = api.logs();
            List<Outcome> outcomes = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            for (ListedLog log : logs) {
                outcomes.add(listed.add(log.id()) ? follow(log, kept.get(log.id()), keys, api)
                        : Outcome.failed(log.id(), "it is listed more than once"));
            }
            kept.keySet().stream().filter(id -> !listed.contains(id))
                    .forEach(id -> outcomes.add(Outcome.failed(id, "it is no longer listed by the service, but "
                            + state.resolve(id + KEPT) + " keeps its checkpoint at " + kept.get(id).size()
                            + " leaves")));

            List<Outcome> failed = outcomes.stream().filter(outcome -> !outcome.passed()).toList();
            if (!failed.isEmpty()) {
                failed.forEach(outcome -> out.println("FAILED log " + outcome.log() + ": " + outcome.report()));
                out.println(failed.size() + " of " + outcomes.size() + " logs failed; nothing in " + state
                        + " was changed.");
                return ExitCode.FAILED;
            }
            keep(state, outcomes);
            outcomes.forEach(outcome -> out.println("log " + outcome.log() + ": " + outcome.report()));
            return ExitCode.OK;
        } catch (UnreadableInputException e) {
            err.println(e.getMessage());
            return ExitCode.UNUSABLE;
        }
    }

    /** Every check of one listed log against what was kept of it; the first failure ends them. */
    private static Outcome follow(ListedLog log, Checkpoint kept, List<VerifierKey> keys, AuditLogApi api) {
        if (!LOG_ID.matcher(log.id()).matches()) {
            return Outcome.failed(log.id(), "its id is not url-safe (letters, digits, '.', '_', '-')");
        }
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(log.checkpoint());
            checkpoint = Checkpoint.parse(note.body());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(log.id(), "its checkpoint is not a signed checkpoint: " + e.getMessage());
        }
        if (keys.stream().noneMatch(note::signedBy)) {
            return Outcome.failed(log.id(), "its checkpoint is signed by none of the keys "
                    + keys.stream().map(AuditCommand::describe).collect(Collectors.joining(", ")));
        }
        if (!checkpoint.origin().endsWith("/" + log.id())) {
            return Outcome.failed(log.id(), "its checkpoint is of log " + checkpoint.origin()
                    + ", whose origin does not end in /" + log.id());
        }
        if (!checkpoint.origin().equals(log.origin()) || checkpoint.size() != log.size()) {
            return Outcome.failed(log.id(), "the listing says " + log.origin() + " at " + log.size()
                    + " leaves, but its checkpoint says " + checkpoint.origin() + " at " + checkpoint.size());
        }
        String root = Base64.getEncoder().encodeToString(checkpoint.rootHash());
        if (kept == null) {
            return Outcome.passed(log.id(), log.checkpoint(), "first seen at " + checkpoint.size() + " leaves, root "
                    + root);
        }
        if (!checkpoint.origin().equals(kept.origin())) {
            return Outcome.failed(log.id(), "its origin changed from " + kept.origin() + " to "
                    + checkpoint.origin());
        }
        if (checkpoint.size() < kept.size()) {
            return Outcome.failed(log.id(), "it shrank from " + kept.size() + " to " + checkpoint.size() + " leaves");
        }
        if (checkpoint.size() == kept.size()) {
            return Arrays.equals(checkpoint.rootHash(), kept.rootHash())
                    ? Outcome.passed(log.id(), log.checkpoint(), "unchanged at " + checkpoint.size() + " leaves")
                    : Outcome.failed(log.id(), "it rewrote its history: at the same " + checkpoint.size()
                            + " leaves its root is now " + root + ", not "
                            + Base64.getEncoder().encodeToString(kept.rootHash()));
        }
        Consistency proof = api.consistency(log.id(), kept.size(), checkpoint.size());
        if (proof.from() != kept.size() || proof.to() != checkpoint.size()) {
            return Outcome.failed(log.id(), "asked to prove " + kept.size() + " to " + checkpoint.size()
                    + " leaves consistent, it answered for " + proof.from() + " to " + proof.to());
        }
        if (!MerkleProofs.verifyConsistency(kept.size(), checkpoint.size(), kept.rootHash(), checkpoint.rootHash(),
                proof.hashes())) {
            return Outcome.failed(log.id(), "it rewrote its history: its tree of " + checkpoint.size()
                    + " leaves does not extend the kept one of " + kept.size()
                    + " leaves (the consistency proof does not verify)");
        }
        return Outcome.passed(log.id(), log.checkpoint(), "grew from " + kept.size() + " to " + checkpoint.size()
                + " leaves, consistently; root " + root);
    }

    /** The checkpoints kept by earlier runs, by log id. They were verified when kept, so only read here. */
    private static Map<String, Checkpoint> kept(Path state) {
        Map<String, Checkpoint> kept = new TreeMap<>();
        if (!Files.exists(state)) {
            return kept;
        }
        if (!Files.isDirectory(state)) {
            throw new UnreadableInputException(state + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(state)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(KEPT)).toList();
        } catch (IOException e) {
            throw new UnreadableInputException(state + " cannot be read: " + e.getMessage());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                kept.put(name.substring(0, name.length() - KEPT.length()),
                        Checkpoint.parse(SignedNote.parse(Files.readString(file)).body()));
            } catch (IOException e) {
                throw new UnreadableInputException(file + " cannot be read: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UnreadableInputException(file + " is not a signed checkpoint: " + e.getMessage());
            }
        }
        return kept;
    }

    /** Each file is replaced whole, so a crash leaves the old checkpoint or the new, never half of one. */
    private static void keep(Path state, List<Outcome> outcomes) {
        try {
            Files.createDirectories(state);
            for (Outcome outcome : outcomes) {
                Path temporary = Files.createTempFile(state, outcome.log() + ".", ".tmp");
                Files.writeString(temporary, outcome.checkpoint());
                try {
                    Files.move(temporary, state.resolve(outcome.log() + KEPT), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, state.resolve(outcome.log() + KEPT), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UnreadableInputException("cannot keep the checkpoints in " + state + ": " + e.getMessage());
        }
    }

    private static URI url(String value) {
        try {
            URI url = new URI(value);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below, with the value the user typed
        }
        throw new UsageException(URL + " must be an http or https URL, not '" + value + "'");
    }

    /** What became of one log: its checkpoint to keep and a summary when it passed, why not when it failed. */
    private record Outcome(String log, boolean passed, String checkpoint, String report) {

        static Outcome passed(String log, String checkpoint, String summary) {
            return new Outcome(log, true, checkpoint, summary);
        }

        static Outcome failed(String log, String why) {
            return new Outcome(log, false, null, why);
        }
    }
}
