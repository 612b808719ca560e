package dev.ormadvisor.cli;

import dev.ormadvisor.transparency.Receipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A receipt as read from a file: the receipt exactly as the service handed it out with an evaluation (its log entry
 * and the proof that a checkpoint the log signed includes it), and its hashes, checked and decoded once.
 */
record ReceiptFile(Receipt receipt, byte[] leafHash, List<byte[]> inclusionProof) {

    static final String MEMBER = "receipt";

    ReceiptFile {
        leafHash = leafHash.clone();
        inclusionProof = List.copyOf(inclusionProof);
    }

    /** A receipt file, or a whole evaluation answer holding one in its {@value #MEMBER} member. */
    static ReceiptFile read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UnreadableInputException(file + " cannot be read: " + e.getMessage());
        }
        JsonNode document = AuditJson.parse(content, file.toString());
        String where = file.toString();
        if (document.get(MEMBER) != null && document.get(MEMBER).isObject()) {
            document = document.get(MEMBER);
            where = "'" + MEMBER + "' in " + file;
        }
        byte[] leafHash = AuditJson.hash(document, "leafHash", where);
        List<byte[]> proof = AuditJson.hashes(document, "inclusionProof", where);
        Base64.Encoder base64 = Base64.getEncoder();
        return new ReceiptFile(new Receipt(AuditJson.string(document, "log", where),
                AuditJson.string(document, "origin", where), AuditJson.count(document, "index", where),
                base64.encodeToString(leafHash), AuditJson.string(document, "checkpoint", where),
                proof.stream().map(base64::encodeToString).toList()), leafHash, proof);
    }
}
