package dev.ormadvisor.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ormadvisor.transparency.Checkpoint;
import dev.ormadvisor.transparency.CompactRange;
import dev.ormadvisor.transparency.MerkleHash;
import dev.ormadvisor.transparency.MerkleProofs;
import dev.ormadvisor.transparency.NoteSigner;
import dev.ormadvisor.transparency.SubtreeHashes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's audit-log API, served in-process on a free port from real Merkle trees and a real signer, so the
 * commands are tested against what the service would answer, and against a service that lies.
 */
final class FakeAuditLogService implements AutoCloseable {

    static final String KEY_NAME = "orm-advisor.test/audit";
    private static final Pattern CONSISTENCY = Pattern.compile("/api/v1/audit/logs/([^/]+)/consistency");

    private final HttpServer server;
    private final Map<String, FakeLog> logs = new LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private int failWithStatus;

    FakeAuditLogService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/audit/logs", this::answer);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A new log of {@code size} entries, signed by {@code signer}, listed from now on. */
    FakeLog addLog(String id, int size, NoteSigner signer) {
        FakeLog log = new FakeLog(id, signer);
        log.append(size);
        logs.put(id, log);
        return log;
    }

    void removeLog(String id) {
        logs.remove(id);
    }

    /** Every request is answered with this status from now on (0: answer normally). */
    void failWith(int status) {
        failWithStatus = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            if (failWithStatus != 0) {
                send(exchange, failWithStatus, "{\"error\": \"down for maintenance\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher consistency = CONSISTENCY.matcher(path);
            if (path.equals("/api/v1/audit/logs")) {
                List<Map<String, Object>> listing = new ArrayList<>();
                logs.values().forEach(log -> listing.add(Map.of("id", log.id, "origin", log.origin(),
                        "size", log.size(), "checkpoint", log.signedCheckpoint())));
                send(exchange, 200, json.writeValueAsString(Map.of("logs", listing)));
            } else if (consistency.matches() && logs.containsKey(consistency.group(1))) {
                Map<String, String> query = query(exchange.getRequestURI().getQuery());
                long from = Long.parseLong(query.get("from"));
                long to = Long.parseLong(query.get("to"));
                List<String> hashes = logs.get(consistency.group(1)).consistency(from, to).stream()
                        .map(Base64.getEncoder()::encodeToString).toList();
                send(exchange, 200, json.writeValueAsString(Map.of("from", from, "to", to, "hashes", hashes)));
            } else {
                send(exchange, 404, "{}");
            }
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            parameters.put(pair[0], pair[1]);
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One log: its entries, and the key that signs its checkpoints, both of which a test may tamper with. */
    static final class FakeLog {

        private final String id;
        private final List<byte[]> entries = new ArrayList<>();
        private NoteSigner signer;

        FakeLog(String id, NoteSigner signer) {
            this.id = id;
            this.signer = signer;
        }

        String origin() {
            return KEY_NAME + "/" + id;
        }

        int size() {
            return entries.size();
        }

        byte[] entry(int index) {
            return entries.get(index).clone();
        }

        void append(int count) {
            for (int i = 0; i < count; i++) {
                entries.add(("{\"evaluation\": " + entries.size() + "}").getBytes(StandardCharsets.UTF_8));
            }
        }

        /** History rewritten: the entry at {@code index} is now something else. */
        void rewrite(int index) {
            entries.set(index, ("{\"evaluation\": " + index + ", \"rewritten\": true}")
                    .getBytes(StandardCharsets.UTF_8));
        }

        void truncate(int size) {
            entries.subList(size, entries.size()).clear();
        }

        void signWith(NoteSigner other) {
            signer = other;
        }

        String signedCheckpoint() {
            Checkpoint checkpoint = new Checkpoint(origin(), size(), MerkleProofs.root(size(), nodes()), List.of());
            return signer.sign(checkpoint.body());
        }

        List<byte[]> consistency(long from, long to) {
            return MerkleProofs.consistency(from, to, nodes());
        }

        List<byte[]> inclusion(int index) {
            return MerkleProofs.inclusion(index, size(), nodes());
        }

        /** Each complete subtree hashed from the entries, as a log would read it from storage. */
        private SubtreeHashes nodes() {
            return (level, index) -> {
                int start = (int) (index << level);
                List<byte[]> leaves = entries.subList(start, start + (1 << level)).stream().map(MerkleHash::leaf)
                        .toList();
                return CompactRange.empty().append(leaves).range().root();
            };
        }
    }
}
