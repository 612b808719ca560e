package dev.ormadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, which it may stop and start at will: a cluster made with {@code initdb}
 * in a temporary folder, listening on a free loopback port, run with the server binaries installed on the machine
 * ({@code /usr/lib/postgresql/<version>/bin}). The shared server on 5432 is never touched.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests do (as CI does), the cluster belongs to the
 * {@code postgres} user and its commands run through {@code runuser}. Without the binaries the test is skipped,
 * except when {@code CI} is set: there PostgreSQL is part of the build.
 */
public final class PrivatePostgresServer implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String SERVER_USER = "postgres";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asServerUser;

    private PrivatePostgresServer(Path bin, Path folder, int port, boolean asServerUser) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asServerUser = asServerUser;
    }

    /** Makes a new cluster and starts it. */
    public static PrivatePostgresServer start() throws Exception {
        Path bin = installedBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("orm-advisor-private-postgres");
        if (root) {
            UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SERVER_USER);
            Files.setOwner(folder, owner);
        }
        PrivatePostgresServer server = new PrivatePostgresServer(bin, folder, PackagedService.freePort(), root);
        server.run("initdb", "-D", server.data(), "-A", "trust", "-U", SERVER_USER, "-E", "UTF8", "--no-sync");
        server.startAgain();
        return server;
    }

    private static Path installedBinaries() throws IOException {
        Path bin = null;
        if (Files.isDirectory(INSTALLATIONS)) {
            try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
                bin = versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                        .max(Comparator.comparing(candidate -> candidate.getParent().getFileName().toString(),
                                Comparator.comparing((String version) -> version.length())
                                        .thenComparing(Comparator.naturalOrder())))
                        .orElse(null);
            }
        }
        if (bin == null) {
            String reason = "no PostgreSQL server binaries under " + INSTALLATIONS;
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                throw new IllegalStateException(reason + " and CI is set: install PostgreSQL (see .ci/run)");
            }
            Assumptions.abort(reason + "; skipped outside CI");
        }
        return bin;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The command-line settings that run the packaged service on this server (the postgres profile). */
    public List<String> serviceSettings() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + SERVER_USER, "--spring.datasource.password=");
    }

    /** Starts the stopped server on the same port and data, returning once it accepts connections. */
    public void startAgain() throws Exception {
        run("pg_ctl", "-D", data(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start");
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, as in a crash; no checkpoint. */
    public void stopImmediately() throws Exception {
        run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    /** Stops the server if it runs and deletes its cluster. */
    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", data(), "status");
            stopImmediately();
        } catch (AssertionError notRunning) {
            // pg_ctl status exits 3 when no server runs
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asServerUser) {
            command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("pg-command", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            assertThat(process.exitValue()).as("%s: %s", command, Files.readString(output)).isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
