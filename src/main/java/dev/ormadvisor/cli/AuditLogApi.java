package dev.ormadvisor.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The service's audit-log API, as a follower reads it: the listing of logs and consistency proofs. */
final class AuditLogApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;

    /** {@code base} is the service's URL, with or without a trailing slash. */
    AuditLogApi(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** {@code GET /api/v1/audit/logs}. */
    List<ListedLog> logs() {
        String url = base + "/api/v1/audit/logs";
        return AuditJson.objects(get(url), "logs", url).stream()
                .map(log -> new ListedLog(AuditJson.string(log, "id", url), AuditJson.string(log, "origin", url),
                        AuditJson.count(log, "size", url), AuditJson.string(log, "checkpoint", url)))
                .toList();
    }

    /** {@code GET /api/v1/audit/logs/{log}/consistency?from=&to=}; {@code log} is url-safe. */
    Consistency consistency(String log, long from, long to) {
        String url = base + "/api/v1/audit/logs/" + log + "/consistency?from=" + from + "&to=" + to;
        JsonNode proof = get(url);
        return new Consistency(AuditJson.count(proof, "from", url), AuditJson.count(proof, "to", url),
                AuditJson.hashes(proof, "hashes", url));
    }

    private JsonNode get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UnreadableInputException("cannot reach " + url + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableInputException("interrupted while asking " + url);
        }
        if (response.statusCode() / 100 != 2) {
            throw new UnreadableInputException(url + " answered HTTP " + response.statusCode());
        }
        return AuditJson.parse(response.body(), "the answer of " + url);
    }

    /** A ConnectException has no message of its own; its cause has. */
    private static String describe(IOException e) {
        String message = e.getMessage() != null ? e.getMessage()
                : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }

    /** One entry of the listing: the log's id, its origin, its size and its latest checkpoint's signed note. */
    record ListedLog(String id, String origin, long size, String checkpoint) {
    }

    record Consistency(long from, long to, List<byte[]> hashes) {

        Consistency {
            hashes = List.copyOf(hashes);
        }
    }
}
