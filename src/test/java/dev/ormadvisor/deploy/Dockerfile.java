package dev.ormadvisor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run stage of the repository's Dockerfile (the instructions after its last {@code FROM}), as much of it as
 * deployments depend on.
 *
 * @param environment its {@code ENV} variables, e.g. {@code ADVISOR_RULES_DIR=/app/rules}
 * @param exposedPort its {@code EXPOSE}d port
 * @param healthCheck the command of its {@code HEALTHCHECK}, empty without one
 * @param userId the uid of the {@code USER} it runs as, from the {@code useradd} that made it
 * @param workdir its last {@code WORKDIR}, where the start command runs
 * @param entrypoint the start command, its exec form's words, e.g. {@code [java, -jar, orm-advisor.jar]}
 * @param runs the commands of its {@code RUN} instructions, in order
 */
record Dockerfile(Map<String, String> environment, int exposedPort, String healthCheck, int userId, String workdir,
        List<String> entrypoint, List<String> runs) {

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    static Dockerfile read(Path file) {
        List<String> runStage = runStage(instructions(file));
        Map<String, String> environment = new LinkedHashMap<>();
        arguments(runStage, "ENV").forEach(line -> {
            Matcher pair = ENV_PAIR.matcher(line);
            while (pair.find()) {
                environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
            }
        });
        int exposedPort = Integer.parseInt(arguments(runStage, "EXPOSE").findFirst().orElseThrow().split("/")[0]);
        String healthCheck = arguments(runStage, "HEALTHCHECK").findFirst().orElse("");
        String user = arguments(runStage, "USER").reduce((first, last) -> last).orElseThrow();
        Pattern useradd = Pattern.compile("useradd [^&;]*--uid (\\d+)[^&;]* " + Pattern.quote(user) + "\\b");
        int userId = arguments(runStage, "RUN").map(useradd::matcher).filter(Matcher::find)
                .map(found -> Integer.parseInt(found.group(1))).findFirst().orElseThrow();
        String workdir = arguments(runStage, "WORKDIR").reduce((first, last) -> last).orElseThrow();
        List<String> entrypoint = JsonMapper.builder().build().readValue(
                arguments(runStage, "ENTRYPOINT").reduce((first, last) -> last).orElseThrow(),
                new TypeReference<List<String>>() { });
        return new Dockerfile(Map.copyOf(environment), exposedPort, healthCheck, userId, workdir, entrypoint,
                arguments(runStage, "RUN").toList());
    }

    /** The start command as a shell line: its words joined by spaces. */
    String startCommand() {
        return String.join(" ", entrypoint);
    }

    /** The path the health check asks for over HTTP, e.g. {@code /actuator/health/readiness}. */
    Optional<String> healthCheckPath() {
        return group("GET (\\S+) HTTP");
    }

    /** The local port the health check connects to. */
    Optional<Integer> healthCheckPort() {
        return group("/dev/tcp/[^/]+/(\\d+)").map(Integer::parseInt);
    }

    private Optional<String> group(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(healthCheck);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** One line per instruction: comments dropped, backslash-continued lines joined. */
    private static List<String> instructions(Path file) {
        try {
            String text = Files.readString(file).replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n\\s*", " ");
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> runStage(List<String> instructions) {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    private static Stream<String> arguments(List<String> instructions, String keyword) {
        return instructions.stream().filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length() + 1).strip());
    }
}
