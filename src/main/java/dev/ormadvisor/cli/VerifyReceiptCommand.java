package dev.ormadvisor.cli;

import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.Receipt;
import dev.ormadvisor.transparency.SignedNote;
import dev.ormadvisor.transparency.VerifierKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code audit verify-receipt}: is this evaluation in the log, under a checkpoint signed by the log's key? */
final class VerifyReceiptCommand {

    static final String NAME = "verify-receipt";
    static final String KEY = "--key";
    static final String LEAF = "--leaf";

    static final String USAGE = """
            Usage: java -jar orm-advisor.jar audit verify-receipt RECEIPT.json --key VKEY [--leaf LEAF.bin]

            Proves that the evaluation a receipt stands for is in the service's audit log: the receipt's checkpoint
            is signed by the log's key and names the receipt's log, and its inclusion proof places the receipt's
            leaf hash at its index in the checkpoint's tree. RECEIPT.json is a receipt or a whole evaluation answer
            with a "receipt" member.

              --key VKEY       the log's verifier key (<name>+<key id>+<base64 key>), or a file holding it
              --leaf LEAF.bin  also prove that this file is the logged entry: SHA-256(0x00 || its bytes) must be
                               the receipt's leaf hash
              --help           this text

            Exit status: 0 all of it is proven; 1 something is not, and the output says what; 2 wrong usage, or a
            file that cannot be read or is not a receipt.
            """;

    private final PrintStream out;
    private final PrintStream err;

    VerifyReceiptCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode run(List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of(KEY, LEAF));
        if (line.help()) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (line.arguments().size() != 1) {
            throw new UsageException("takes one receipt file, but got " + line.arguments().size());
        }
        VerifierKey key = AuditCommand.verifierKey(line.option(KEY)
                .orElseThrow(() -> new UsageException(KEY + " is required: the log's verifier key, or a file"
                        + " holding it")));
        Path receiptFile = Path.of(line.arguments().get(0));
        ReceiptFile receipt;
        Optional<Path> leafFile = line.option(LEAF).map(Path::of);
        Optional<byte[]> leaf;
        try {
            receipt = ReceiptFile.read(receiptFile);
            leaf = leafFile.map(VerifyReceiptCommand::readLeaf);
        } catch (UnreadableInputException e) {
            err.println(e.getMessage());
            return ExitCode.UNUSABLE;
        }

        List<Check> checks = check(receipt, key);
        leaf.ifPresent(bytes -> checks.add(leafCheck(leafFile.get(), bytes, receipt.leafHash())));
        Receipt given = receipt.receipt();
        out.println("Receipt " + receiptFile + ": entry " + given.index() + " of log " + given.log() + " ("
                + given.origin() + ")");
        checks.forEach(check -> out.printf("%-6s  %s%n", check.holds() ? "OK" : "FAILED", check.statement()));
        long failed = checks.stream().filter(check -> !check.holds()).count();
        if (failed > 0) {
            out.println("Not proven: " + failed + " of " + checks.size() + " checks failed.");
            return ExitCode.FAILED;
        }
        out.println("Proven: entry " + given.index() + " of log " + given.log() + " is in the tree the log signed"
                + " with " + AuditCommand.describe(key) + (leaf.isPresent() ? ", and " + leafFile.get()
                + " is that entry." : "."));
        return ExitCode.OK;
    }

    /** Each claim of the receipt; one that cannot be checked (no checkpoint to check against) fails. */
    private static List<Check> check(ReceiptFile receipt, VerifierKey key) {
        List<Check> checks = new ArrayList<>();
        SignedNote note;
        try {
            note = SignedNote.parse(receipt.receipt().checkpoint());
        } catch (IllegalArgumentException e) {
            checks.add(new Check(false, "the checkpoint is not a signed note: " + e.getMessage()));
            return checks;
        }
        checks.add(note.signedBy(key)
                ? new Check(true, "the checkpoint is signed by " + AuditCommand.describe(key))
                : new Check(false, "the checkpoint is not signed by " + AuditCommand.describe(key)
                        + " (its signature lines are by " + signers(note) + ")"));
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(note.body());
        } catch (IllegalArgumentException e) {
            checks.add(new Check(false, "the checkpoint's text is not a checkpoint: " + e.getMessage()));
            return checks;
        }
        checks.add(checkpoint.origin().equals(receipt.receipt().origin())
                ? new Check(true, "the checkpoint is of log " + checkpoint.origin() + ", as the receipt says")
                : new Check(false, "the checkpoint is of log " + checkpoint.origin() + ", but the receipt says "
                        + receipt.receipt().origin()));
        String entry = "leaf hash " + base64(receipt.leafHash()) + " at index " + receipt.receipt().index();
        String tree = "the checkpoint's tree of " + checkpoint.size() + " leaves (root "
                + base64(checkpoint.rootHash()) + ")";
        if (receipt.receipt().index() >= checkpoint.size()) {
            checks.add(new Check(false, "index " + receipt.receipt().index() + " is beyond " + tree));
        } else if (MerkleProofs.verifyInclusion(receipt.receipt().index(), checkpoint.size(), receipt.leafHash(),
                receipt.inclusionProof(), checkpoint.rootHash())) {
            checks.add(new Check(true, "the inclusion proof places " + entry + " in " + tree));
        } else {
            checks.add(new Check(false, "the inclusion proof does not place " + entry + " in " + tree));
        }
        return checks;
    }

    private static Check leafCheck(Path file, byte[] leaf, byte[] leafHash) {
        byte[] hash = MerkleHash.leaf(leaf);
        return Arrays.equals(hash, leafHash)
                ? new Check(true, file + " is the logged entry: it hashes to the receipt's leaf hash")
                : new Check(false, file + " is not the logged entry: it hashes to " + base64(hash)
                        + ", not to the receipt's leaf hash " + base64(leafHash));
    }

    private static byte[] readLeaf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage());
        }
    }

    private static String signers(SignedNote note) {
        return note.signatures().stream()
                .map(signature -> signature.keyName() + "+" + HexFormat.of().formatHex(signature.keyId()))
                .collect(Collectors.joining(", "));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** One claim of the receipt, worded for whether it holds. */
    private record Check(boolean holds, String statement) {
    }
}
