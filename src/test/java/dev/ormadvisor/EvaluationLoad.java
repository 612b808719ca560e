package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients posting evaluations to a running service as fast as it answers, each waiting for its answer before the
 * next, until stopped: every answer (or failure to get one) is kept with when it was asked and answered, so a
 * test can judge what the service said during a fault, and check afterwards that every acknowledged evaluation
 * was kept.
 */
public final class EvaluationLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PackagedService service;
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private EvaluationLoad(PackagedService service, int clientCount) {
        this.service = service;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            running.add(clients.submit(this::evaluateUntilStopped));
        }
    }

    /** Starts {@code clientCount} clients on the service. */
    public static EvaluationLoad start(PackagedService service, int clientCount) {
        return new EvaluationLoad(service, clientCount);
    }

    /** The shipped example of team A or B with a label of its own, so each evaluation is told apart. */
    public static String body(int i) {
        String example = i % 2 == 0 ? "team-a.json" : "team-b.json";
        try {
            return Files.readString(Path.of("examples", example)).replaceFirst("\"label\": \"[^\"]*\"",
                    "\"label\": \"evaluation " + i + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void evaluateUntilStopped() {
        while (!stopped) {
            String body = body(next.getAndIncrement());
            long askedAt = System.nanoTime();
            try {
                HttpResponse<String> response = service.post("/api/v1/evaluations", body);
                Answer answer = new Answer(askedAt, System.nanoTime(), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), response.body(), null);
                if (answer.status() == 200) {
                    acknowledged.put(JSON.readTree(answer.body()).get("id").asString(), answer.body());
                }
                answers.add(answer);
            } catch (IOException unanswered) {
                answers.add(new Answer(askedAt, System.nanoTime(), 0, "", "", unanswered));
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A service that refuses connections (it is stopping) is not asked again in a tight loop. */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code count} more evaluations than now are acknowledged. */
    public void awaitMoreAcknowledged(int count, Duration within) throws InterruptedException {
        int target = acknowledged.size() + count;
        long deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.size() < target) {
            assertThat(System.nanoTime()).as("%d more acknowledged within %s", count, within).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until an answer meets the condition, and returns it. */
    public Answer awaitAnswer(Predicate<Answer> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (Answer answer : answers) {
                if (condition.test(answer)) {
                    return answer;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such answer within " + within + " among " + answers.size());
    }

    /** Evaluations answered 200, by id, with the whole answer (its receipt included). */
    public Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Every answer so far, and the requests that got none. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Stops the clients once their requests in flight are answered (or fail), and returns every answer. */
    public List<Answer> stop() throws Exception {
        stopped = true;
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        return answers();
    }

    @Override
    public void close() {
        stopped = true;
        clients.shutdownNow();
    }

    /**
     * One request: asked and answered at these {@link System#nanoTime()}s; status 0 and {@code failure} when no
     * HTTP answer came.
     */
    public record Answer(long askedAt, long answeredAt, int status, String contentType, String body,
            IOException failure) {

        public Duration took() {
            return Duration.ofNanos(answeredAt - askedAt);
        }

        /** Asked and answered between these two {@link System#nanoTime()}s. */
        public boolean within(long from, long to) {
            return askedAt >= from && answeredAt <= to;
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer after " + took() + ": " + failure
                    : status + " " + contentType + " after " + took() + ": " + body;
        }
    }
}
