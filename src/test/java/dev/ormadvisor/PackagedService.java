package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The executable jar built by {@code ./mvnw package}, started with {@code java -jar} as a separate process, the
 * way it is deployed: for integration tests and benchmarks that need the real fat jar, a real port and a process
 * that can be killed.
 */
public final class PackagedService implements AutoCloseable {

    public static final Path JAR = Path.of("target", "orm-advisor.jar");
    // Generous: a shared CI machine under load has been seen to take two minutes to start the jar.
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PackagedService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Runs the jar with these arguments (a command, or settings for the service), its output going to {@code log}.
     * It runs in the log's folder, as a deployment would in its own: the default {@code ./data/} lands there, never
     * in the project.
     */
    public static Process start(List<String> args, Path rulesDir, Path log) throws IOException {
        assertThat(JAR).as("run `./mvnw package` first").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(log.toAbsolutePath().getParent().toFile());
        builder.environment().put("ADVISOR_RULES_DIR", rulesDir.toAbsolutePath().toString());
        return builder.start();
    }

    /** Starts the service on a free loopback port and returns once it reports healthy. */
    public static PackagedService startHealthy(List<String> settings, Path rulesDir, Path log) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(settings);
        args.add("--server.port=" + port);
        PackagedService service = new PackagedService(start(args, rulesDir, log), port);
        try {
            service.awaitHealthy();
            return service;
        } catch (Exception | AssertionError e) {
            service.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that fails with {@link java.net.http.HttpTimeoutException} when not answered within {@code timeout}. */
    public HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code GET /actuator/health} answers within {@code within}, 503 with {@code component} DOWN: what a probe with
     * that timeout sees during a fault.
     */
    public void assertHealthDown(String component, Duration within) throws IOException, InterruptedException {
        long asked = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health", within);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThanOrEqualTo(within);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(ServiceClient.json(health).at("/components/" + component + "/status").asString())
                .as(health.body()).isEqualTo("DOWN");
    }

    /** Polls {@code /actuator/health} until it is 200, failing if it is not within {@code within} of {@code since}. */
    public void awaitHealthUp(long since, Duration within) throws IOException, InterruptedException {
        HttpResponse<String> health = get("/actuator/health", within);
        while (health.statusCode() != 200 && System.nanoTime() - since < within.toNanos()) {
            Thread.sleep(100);
            health = get("/actuator/health", within);
        }
        assertThat(health.statusCode()).as("health within %s: %s", within, health.body()).isEqualTo(200);
    }

    /** SIGKILL on Linux ({@code kill -9}): no shutdown hook, no graceful drain; returns the exit value. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the killed service should be gone").isTrue();
        return process.exitValue();
    }

    /** A graceful stop (SIGTERM), forced if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service exited during start-up").isTrue();
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become healthy within " + START_TIMEOUT);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
