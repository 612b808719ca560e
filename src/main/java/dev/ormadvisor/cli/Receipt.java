package dev.ormadvisor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the service hands out with an evaluation: the log entry it wrote ({@code log}, {@code index} from 0,
 * {@code leafHash}) and the proof that a checkpoint the log signed includes it.
 */
record Receipt(String log, String origin, long index, byte[] leafHash, String checkpoint,
        List<byte[]> inclusionProof) {

    static final String MEMBER = "receipt";

    Receipt {
        leafHash = leafHash.clone();
        inclusionProof = List.copyOf(inclusionProof);
    }

    /** A receipt file, or a whole evaluation answer holding one in its {@value #MEMBER} member. */
    static Receipt read(Path file) {
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
        return new Receipt(AuditJson.string(document, "log", where), AuditJson.string(document, "origin", where),
                AuditJson.count(document, "index", where), AuditJson.hash(document, "leafHash", where),
                AuditJson.string(document, "checkpoint", where),
                AuditJson.hashes(document, "inclusionProof", where));
    }
}
