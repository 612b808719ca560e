package dev.ormadvisor.web;

import dev.ormadvisor.audit.LogHead;
import dev.ormadvisor.audit.Proof;
import dev.ormadvisor.audit.TransparencyLogs;
import dev.ormadvisor.transparency.Receipt;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as a transparency log, for auditors who verify rather than trust: checkpoints signed by the
 * service's key, and the Merkle proofs (RFC 9162) that tie each record to them. Hashes are base64.
 */
@RestController
class TransparencyController {

    private final TransparencyLogs logs;

    TransparencyController(TransparencyLogs logs) {
        this.logs = logs;
    }

    @Operation(summary = "The keys that sign the logs' checkpoints",
            description = "Signed-note verifier keys, <name>+<8 hex key id>+<base64(0x01 || Ed25519 public key)>:"
                    + " this instance's first. Keep the one you trust: `audit follow --key` and `audit"
                    + " verify-receipt --key` take it.")
    @GetMapping("/api/v1/audit/keys")
    Map<String, List<String>> keys() {
        return Map.of("keys", logs.verifierKeys());
    }

    @Operation(summary = "Every audit log, with its size and latest signed checkpoint")
    @GetMapping("/api/v1/audit/logs")
    Map<String, List<LogHead>> logs() {
        return Map.of("logs", logs.logs());
    }

    @Operation(summary = "The latest checkpoint of a log, as a C2SP signed note")
    @GetMapping(path = "/api/v1/audit/logs/{log}/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint(@PathVariable String log) {
        return head(log).checkpoint();
    }

    @Operation(summary = "Inclusion proof: the leaf at index is in the tree of size leaves (RFC 9162 2.1.3)")
    @GetMapping("/api/v1/audit/logs/{log}/proof")
    Proof.Inclusion inclusion(@PathVariable String log, @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> given = AuditParameters.single(parameters, Set.of("index", "size"));
        LogHead head = head(log);
        long size = AuditParameters.treePosition("size", given.get("size"), 1, head.size());
        long index = AuditParameters.treePosition("index", given.get("index"), 0, size - 1);
        return logs.inclusion(head.id(), index, size);
    }

    @Operation(summary = "Consistency proof: the tree of to leaves extends the tree of from leaves (RFC 9162 2.1.4)")
    @GetMapping("/api/v1/audit/logs/{log}/consistency")
    Proof.Consistency consistency(@PathVariable String log,
            @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> given = AuditParameters.single(parameters, Set.of("from", "to"));
        LogHead head = head(log);
        long to = AuditParameters.treePosition("to", given.get("to"), 0, head.size());
        long from = AuditParameters.treePosition("from", given.get("from"), 0, to);
        return logs.consistency(head.id(), from, to);
    }

    @Operation(summary = "The evaluation's receipt against the latest checkpoint of its log",
            description = "Verify it offline with `java -jar orm-advisor.jar audit verify-receipt`.")
    @GetMapping("/api/v1/evaluations/{id}/receipt")
    Receipt receipt(@PathVariable String id) {
        return logs.receipt(id).orElseThrow(() -> noEvaluation(id));
    }

    @Operation(summary = "The exact bytes of the evaluation's leaf",
            description = "SHA-256 of 0x00 followed by these bytes is the leaf hash in its receipt. The format is"
                    + " in the README (For auditors).")
    @GetMapping(path = "/api/v1/evaluations/{id}/leaf", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] leaf(@PathVariable String id) {
        return logs.leaf(id).orElseThrow(() -> noEvaluation(id));
    }

    private LogHead head(String log) {
        return logs.log(log).orElseThrow(() -> new NotFoundException("There is no audit log '" + log + "'."));
    }

    private static NotFoundException noEvaluation(String id) {
        return new NotFoundException("No evaluation is stored with the id '" + id + "'.");
    }
}
