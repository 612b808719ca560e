package dev.ormadvisor.scenarios;

import dev.ormadvisor.facts.Facts;
import dev.ormadvisor.facts.FactsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the scenario files ({@code *.yaml} / {@code *.yml}) of a folder, one scenario per file:
 * <pre>
 * name: "Article team A: early-stage SaaS startup"
 * facts: { project: { framework: UNDECIDED, type: SAAS, mostlyCrud: true }, team: { size: 4 } }
 * expect:
 *   verdict: DJANGO_ORM
 *   statements: [FACTOR-ITERATION]
 *   warnings: []
 *   absentWarnings: [MISTAKE-1]
 * </pre>
 * Facts are read as strictly as the HTTP API reads them, so a misspelt fact fails the scenario loudly instead of
 * silently meaning "unknown".
 */
public final class ScenarioFiles {

    private final YAMLMapper yaml = FactsJson.strictBinding(YAMLMapper.builder()).build();

    public List<Scenario> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try {
            // Walked where it really is: a folder that is itself a link (a Kubernetes projected volume) would
            // otherwise be listed as one file.
            Path real = dir.toRealPath();
            List<Scenario> scenarios = new ArrayList<>();
            for (Path file : scenarioFiles(real)) {
                scenarios.add(readOne(file, relativeName(real, file)));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenarios in " + dir.toAbsolutePath(), e);
        }
    }

    /** The text of every scenario file of a folder, by its path relative to the folder ({@code /} separators). */
    public static SortedMap<String, String> texts(Path dir) {
        SortedMap<String, String> texts = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return texts;
        }
        try {
            Path real = dir.toRealPath();
            for (Path file : scenarioFiles(real)) {
                texts.put(relativeName(real, file), Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenarios in " + dir.toAbsolutePath(), e);
        }
    }

    private static List<Path> scenarioFiles(Path realDir) throws IOException {
        try (Stream<Path> paths = Files.walk(realDir)) {
            return paths.filter(path -> isScenarioFile(realDir, path)).sorted().toList();
        }
    }

    private static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private Scenario readOne(Path file, String name) throws IOException {
        return parse(Files.readString(file), name);
    }

    /** One scenario file's text; {@code name} is how refusals name the file. */
    Scenario parse(String text, String name) {
        try {
            ScenarioFile parsed = yaml.readValue(text, ScenarioFile.class);
            if (parsed == null) {
                throw new InvalidScenarioException(name, "it holds no scenario: the YAML document is empty");
            }
            if (parsed.expect() == null) {
                throw new InvalidScenarioException(name, "it has no expect: section");
            }
            String title = parsed.name() == null || parsed.name().isBlank() ? name : parsed.name();
            return new Scenario(title, name, parsed.facts() == null ? Facts.NONE : parsed.facts(), parsed.expect());
        } catch (JacksonException e) {
            throw new InvalidScenarioException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage() + " at " + e.getPathReference());
        }
    }

    /**
     * Hidden entries are skipped, as for rule files: a Kubernetes ConfigMap keeps the real files in
     * {@code ..<timestamp>} folders behind the visible links, which would run every scenario twice.
     */
    private static boolean isScenarioFile(Path dir, Path path) {
        for (Path part : dir.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private record ScenarioFile(String name, String description, Facts facts, Expectation expect) {
    }
}
