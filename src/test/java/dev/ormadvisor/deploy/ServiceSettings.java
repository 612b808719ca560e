package dev.ormadvisor.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the service itself says about how it is run, for checking deployment files against it without starting
 * it: the settings it reads (every {@code @ConfigurationProperties} record of ours, found by scanning, plus the
 * Spring and JVM settings that deployments set) and its {@code application.properties}.
 *
 * @param settings every setting the service reads, by its canonical name ({@code advisor.rules.dir})
 * @param properties the service's own {@code application.properties}
 */
record ServiceSettings(Set<ConfigurationPropertyName> settings, Map<String, String> properties) {

    /** Spring Boot's own settings that a deployment sets. */
    private static final List<String> SPRING_SETTINGS = List.of("spring.profiles.active", "spring.datasource.url",
            "spring.datasource.username", "spring.datasource.password", "server.port");

    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final String OUR_PACKAGE = "dev.ormadvisor";

    static ServiceSettings of(Path applicationProperties) {
        Set<ConfigurationPropertyName> settings = Stream.of(ours(), SPRING_SETTINGS.stream())
                .flatMap(names -> names)
                .map(ConfigurationPropertyName::of)
                .collect(Collectors.toUnmodifiableSet());
        return new ServiceSettings(settings, load(applicationProperties));
    }

    /** Whether the service reads this environment variable: Spring's relaxed binding decides, not a copy of it. */
    boolean reads(String variable) {
        return JVM_VARIABLES.contains(variable) || settings.stream().anyMatch(setting -> binds(variable, setting));
    }

    private static boolean binds(String variable, ConfigurationPropertyName setting) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "set"));
        return ConfigurationPropertySource.from(environment).getConfigurationProperty(setting) != null;
    }

    /** The port the service listens on with this environment: SERVER_PORT, else its properties, else Spring's 8080. */
    int port(Map<String, String> environment) {
        ConfigurationPropertyName serverPort = ConfigurationPropertyName.of("server.port");
        return environment.entrySet().stream()
                .filter(variable -> binds(variable.getKey(), serverPort))
                .map(Map.Entry::getValue)
                .findFirst()
                .or(() -> Optional.ofNullable(properties.get("server.port")))
                .map(Integer::parseInt)
                .orElse(8080);
    }

    /**
     * The health endpoints the service answers: {@code /actuator/health} and one path per health group, the
     * liveness and readiness groups included when probes are enabled.
     */
    Set<String> healthPaths() {
        String exposed = properties.getOrDefault("management.endpoints.web.exposure.include", "health");
        if (!Arrays.asList(exposed.split("\\s*,\\s*")).contains("health") && !exposed.equals("*")) {
            return Set.of();
        }
        String health = properties.getOrDefault("management.endpoints.web.base-path", "/actuator") + "/health";
        String groupPrefix = "management.endpoint.health.group.";
        Stream<String> configuredGroups = properties.keySet().stream()
                .filter(name -> name.startsWith(groupPrefix))
                .map(name -> name.substring(groupPrefix.length(), name.indexOf('.', groupPrefix.length())));
        boolean probes = Boolean.parseBoolean(properties.get("management.endpoint.health.probes.enabled"));
        Stream<String> probeGroups = probes ? Stream.of("liveness", "readiness") : Stream.empty();
        return Stream.concat(Stream.of(health),
                        Stream.concat(configuredGroups, probeGroups).map(group -> health + "/" + group))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How long the service may take to stop gracefully; none unless {@code server.shutdown=graceful}. */
    Duration gracefulShutdown() {
        if (!"graceful".equals(properties.get("server.shutdown"))) {
            return Duration.ZERO;
        }
        return duration("spring.lifecycle.timeout-per-shutdown-phase");
    }

    /** A duration the service's properties must set, e.g. {@code advisor.audit.commit-timeout}. */
    Duration duration(String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in the service's application.properties");
        }
        return DurationStyle.detectAndParse(value);
    }

    /** Canonical names of the components of every {@code @ConfigurationProperties} record under our package. */
    private static Stream<String> ours() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents(OUR_PACKAGE).stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .flatMap(type -> components(prefixOf(type), type));
    }

    private static String prefixOf(Class<?> type) {
        return AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class).prefix();
    }

    /** Nested records are groups of settings ({@code advisor.rules.*}); every other component is one setting. */
    private static Stream<String> components(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " holds settings but is not a record: read its settings"
                    + " here the way Spring binds them");
        }
        return Arrays.stream(type.getRecordComponents()).flatMap(component -> {
            String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            return component.getType().isRecord() && component.getType().getName().startsWith(OUR_PACKAGE)
                    ? components(name, component.getType())
                    : Stream.of(name);
        });
    }

    private static Map<String, String> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties.stringPropertyNames().stream()
                    .collect(Collectors.toUnmodifiableMap(name -> name, properties::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
