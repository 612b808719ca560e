package dev.ormadvisor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ormadvisor.ShippedRules;
import dev.ormadvisor.facts.FactsJson;
import dev.ormadvisor.scenarios.ScenarioFactsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files under {@code deploy/} (compose with nginx, and Kubernetes), checked offline against the
 * service they deploy: the settings it reads, its health groups, its port, its graceful shutdown, its image and
 * its rules folder. No container engine or cluster runs them here; deploy/README.md says what only one can show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path COMPOSE = DEPLOY.resolve("compose");
    private static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    /** Environment variables that carry secrets: never written into a deployment file. */
    private static final List<String> SECRETS = List.of("SPRING_DATASOURCE_PASSWORD", "ADVISOR_ADMIN_TOKEN");
    private static final String INSTANCE_ID = "ADVISOR_INSTANCE_ID";
    /** The file of the Ed25519 key that signs the audit checkpoints: one key for every replica. */
    private static final String SIGNING_KEY = "ADVISOR_AUDIT_SIGNING_KEY";
    private static final List<String> REPLICAS = List.of("advisor-1", "advisor-2");
    private static final String LOAD_BALANCER = "load-balancer";
    /** Kubernetes refuses a ConfigMap whose data exceeds 1 MiB. */
    private static final long CONFIG_MAP_BYTES = 1_048_576;
    /** The mode the kubelet gives a Secret volume's files unless told otherwise (0644). */
    private static final int SECRET_VOLUME_DEFAULT_MODE = 0644;
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final ServiceSettings service = ServiceSettings.of(Path.of("src/main/resources/application.properties"));
    private final Dockerfile image = Dockerfile.read(Path.of("Dockerfile"));

    @Test
    void everyYamlFileUnderDeployParsesAndEachDocumentIsAMapping() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(DEPLOY)) {
            files = paths.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty().allMatch(JsonNode::isObject);
        }
    }

    @Test
    void theServiceReadsAVariableThatSpringsRelaxedBindingMapsToOneOfItsSettings() {
        assertThat(service.reads("ADVISOR_RULES_DIR")).isTrue();
        assertThat(service.reads("ADVISOR_AUDIT_MAX_BATCH")).isTrue();
        assertThat(service.reads("ADVISOR_ADMIN_TOKEN")).isTrue();
        assertThat(service.reads("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(service.reads("JAVA_TOOL_OPTIONS")).isTrue();
        assertThat(service.reads(SIGNING_KEY)).isTrue();
        assertThat(service.reads("ADVISOR_RULES_DIRECTORY")).as("a misspelt setting").isFalse();
        assertThat(service.reads("ADVISOR_AUDIT")).as("a group, not a setting").isFalse();
    }

    @Test
    void everyEnvironmentVariableSetForTheServiceIsASettingItReads() {
        Map<String, Set<String>> variablesByWhere = new LinkedHashMap<>();
        variablesByWhere.put("Dockerfile ENV", image.environment().keySet());
        REPLICAS.forEach(name -> variablesByWhere.put("compose service " + name,
                environment(composeService(name)).keySet()));
        variablesByWhere.put("the Deployment", deploymentEnvironment().keySet());

        variablesByWhere.forEach((where, variables) -> {
            assertThat(variables).as(where).isNotEmpty();
            assertThat(variables).filteredOn(variable -> !service.reads(variable))
                    .as("variables of %s that the service does not read", where)
                    .isEmpty();
        });
    }

    @Test
    void theImageHealthCheckAsksTheReadinessGroupOnThePortTheServiceListensOn() {
        int port = service.port(image.environment());

        assertThat(image.healthCheckPath()).hasValueSatisfying(path -> assertThat(path)
                .isIn(service.healthPaths()).endsWith("/health/readiness"));
        assertThat(image.healthCheckPort()).contains(port);
        assertThat(image.exposedPort()).isEqualTo(port);
    }

    /**
     * The production way is one command, whatever runs it: the image's start command, run in the folder its
     * training run laid out, is what the README tells a team without Docker to run, and what bench/startup.sh
     * times (it reads the ENTRYPOINT).
     */
    @Test
    void theReadmeRunsItInProductionWithTheImagesStartCommandWhereTheTrainingRunLaidItOut() throws IOException {
        Pattern training = Pattern.compile("extract-and-train\\.sh (\\S+) (\\S+)");
        String imageFolder = image.runs().stream().map(training::matcher).filter(Matcher::find)
                .map(found -> found.group(2)).findFirst().orElseThrow();
        List<String> readme = readmeProductionCommands();
        Matcher readmeTraining = readme.stream().map(training::matcher).filter(Matcher::find).findFirst()
                .orElseThrow();

        assertThat(image.workdir()).as("the image starts where its training run laid the jar out")
                .isEqualTo(imageFolder);
        assertThat(readmeTraining.group(1)).as("the README trains the jar the build makes")
                .isEqualTo("target/orm-advisor.jar");
        assertThat(readme.get(readme.size() - 1)).as("the README's last production command")
                .isEqualTo("cd " + readmeTraining.group(2) + " && " + image.startCommand());
    }

    /** The commands of the bash block under the README's "Run it in production", without comments. */
    private static List<String> readmeProductionCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("(?s)\\n### Run it in production\\n.*?```bash\\n(.*?)```").matcher(readme);
        assertThat(block.find()).as("README.md has a \"Run it in production\" section with a bash block").isTrue();
        return block.group(1).lines().map(line -> line.replaceAll("\\s+#.*$|^#.*$", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }

    /** Compose: two replicas on one PostgreSQL behind nginx, on one machine. */
    @Nested
    class Compose {

        @Test
        void twoNamedReplicasOfTheServiceAreBuiltFromThisRepository() {
            Set<String> builtHere = services().properties().stream()
                    .filter(named -> named.getValue().has("build")
                            && COMPOSE.resolve(buildContext(named.getValue())).toAbsolutePath().normalize()
                            .equals(Path.of("").toAbsolutePath()))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());

            assertThat(builtHere).containsExactlyInAnyOrderElementsOf(REPLICAS);
        }

        @Test
        void theReplicasAreAlikeButForTheirInstanceIdWhichIsTheirServiceName() {
            List<JsonNode> withoutIds = REPLICAS.stream().map(name -> {
                JsonNode replica = composeService(name).deepCopy();
                assertThat(environment(replica)).containsEntry(INSTANCE_ID, name);
                ((ObjectNode) replica.path("environment")).remove(INSTANCE_ID);
                return replica;
            }).toList();

            assertThat(withoutIds).as("replicas without their instance id").containsOnly(withoutIds.get(0));
        }

        @Test
        void theReplicasShareTheComposeDatabaseAndLogInAsTheUserItWasCreatedFor() {
            Map<String, String> postgres = environment(composeService("postgres"));
            String url = "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB");

            for (String name : REPLICAS) {
                Map<String, String> replica = environment(composeService(name));
                assertThat(replica).as(name)
                        .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                        .containsEntry("SPRING_DATASOURCE_URL", url)
                        .containsEntry("SPRING_DATASOURCE_USERNAME", postgres.get("POSTGRES_USER"))
                        .containsEntry("SPRING_DATASOURCE_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
            }
        }

        @Test
        void postgresHasAHealthCheckAndTheReplicasStartOnlyOnceItIsHealthy() {
            assertThat(composeService("postgres").path("healthcheck").path("test").toString()).contains("pg_isready");

            REPLICAS.forEach(name -> assertThat(composeService(name).path("depends_on").path("postgres")
                    .path("condition").asString()).as(name).isEqualTo("service_healthy"));
        }

        @Test
        void secretsComeFromTheGitIgnoredEnvFileWhichTheExampleShows() throws IOException {
            for (String name : REPLICAS) {
                for (String secret : SECRETS) {
                    assertRequiredFromExampleEnv(environment(composeService(name)).get(secret),
                            secret + " of " + name);
                }
            }
            assertThat(Files.readAllLines(COMPOSE.resolve(".gitignore"))).contains(".env");
        }

        @Test
        void everyReplicaSignsWithTheOneKeyFileMountedReadOnlyFromTheFileTheEnvFileNames() {
            Set<String> keyFiles = REPLICAS.stream().map(name -> {
                String path = environment(composeService(name)).get(SIGNING_KEY);
                assertThat(path).as("%s of %s, the path of a file", SIGNING_KEY, name).isNotNull().startsWith("/");
                return only("what " + name + " mounts at " + path, mountedAt(composeService(name), path));
            }).collect(Collectors.toSet());

            assertThat(keyFiles).as("where the replicas' signing keys come from: one file for all").hasSize(1);
        }

        /**
         * Where the files mounted read-only at {@code path} in this service come from: a compose secret (read-only
         * by definition) whose file is a required variable of the env file, or a read-only bind mount.
         */
        private List<String> mountedAt(JsonNode service, String path) {
            Stream<String> secrets = service.path("secrets").valueStream()
                    .filter(secret -> {
                        String source = secret.isString() ? secret.asString() : secret.path("source").asString();
                        String target = secret.isString() ? source : secret.path("target").asString(source);
                        return (target.startsWith("/") ? target : "/run/secrets/" + target).equals(path);
                    })
                    .map(secret -> secret.isString() ? secret.asString() : secret.path("source").asString())
                    .map(source -> {
                        String file = only("compose file", documents(COMPOSE.resolve("compose.yaml")))
                                .path("secrets").path(source).path("file").asString();
                        assertRequiredFromExampleEnv(file, "the file of secret " + source);
                        return "secret " + source + ": " + file;
                    });
            Stream<String> binds = service.path("volumes").valueStream()
                    .filter(volume -> volume.path("target").asString().equals(path))
                    .map(volume -> {
                        assertThat(volume.path("type").asString()).as("a bind mount at %s", path).isEqualTo("bind");
                        assertThat(volume.path("read_only").asBoolean()).as("%s is read-only", path).isTrue();
                        return "bind " + volume.path("source").asString();
                    });
            return Stream.concat(secrets, binds).toList();
        }

        /** A value compose must take from a variable that the env file sets and that example.env shows. */
        private static void assertRequiredFromExampleEnv(String value, String what) {
            Matcher required = REQUIRED_VARIABLE.matcher(String.valueOf(value));
            assertThat(required.matches()).as("%s is a required ${VARIABLE:?…}", what).isTrue();
            assertThat(exampleVariables()).as("example.env").contains(required.group(1));
        }

        private static Set<String> exampleVariables() {
            try {
                return Files.readAllLines(COMPOSE.resolve("example.env")).stream()
                        .filter(line -> line.contains("=") && !line.startsWith("#"))
                        .map(line -> line.substring(0, line.indexOf('=')))
                        .collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void theRulesFolderOfThisRepositoryIsMountedReadOnlyWhereTheImageReadsIt() {
            String rulesDir = image.environment().get("ADVISOR_RULES_DIR");
            for (String name : REPLICAS) {
                List<JsonNode> rules = composeService(name).path("volumes").valueStream()
                        .filter(volume -> volume.path("target").asString().equals(rulesDir))
                        .toList();
                assertThat(rules).as(name).singleElement().satisfies(volume -> {
                    assertThat(volume.path("type").asString()).isEqualTo("bind");
                    assertThat(COMPOSE.resolve(volume.path("source").asString()).normalize())
                            .isEqualTo(ShippedRules.DIR);
                    assertThat(volume.path("read_only").asBoolean()).isTrue();
                });
            }
        }

        @Test
        void replicasAreGivenLongerToStopThanTheirGracefulShutdownTakes() {
            REPLICAS.forEach(name -> assertThat(DurationStyle.detectAndParse(
                    composeService(name).path("stop_grace_period").asString("10s")))
                    .as("%s's stop_grace_period (Docker's default is 10s)", name)
                    .isGreaterThan(service.gracefulShutdown()));
        }

        @Test
        void theLoadBalancerListensOnPort8080AndStartsOnceBothReplicasAreReady() {
            JsonNode loadBalancer = composeService(LOAD_BALANCER);

            assertThat(loadBalancer.path("ports").valueStream().map(JsonNode::asString))
                    .containsExactly("8080:" + nginx().directive("listen").orElseThrow());
            REPLICAS.forEach(name -> assertThat(loadBalancer.path("depends_on").path(name).path("condition")
                    .asString()).as(name).isEqualTo("service_healthy"));
            // Ready means the image's health check passes, and it asks the readiness group (tested above).
            REPLICAS.forEach(name -> assertThat(composeService(name).has("healthcheck"))
                    .as("%s overrides the image's health check", name).isFalse());
        }

        @Test
        void theLoadBalancerUsesTheConfigurationShippedHere() {
            assertThat(composeService(LOAD_BALANCER).path("volumes").valueStream())
                    .anySatisfy(volume -> {
                        assertThat(COMPOSE.resolve(volume.path("source").asString()).normalize())
                                .isEqualTo(COMPOSE.resolve("nginx.conf"));
                        assertThat(volume.path("target").asString()).startsWith("/etc/nginx/conf.d/");
                    });
        }

        @Test
        void theLoadBalancerTakesTurnsOverBothReplicasOnThePortTheyListenOn() {
            Nginx nginx = nginx();
            Set<String> replicaAddresses = REPLICAS.stream()
                    .map(name -> name + ":" + service.port(environment(composeService(name))))
                    .collect(Collectors.toSet());

            assertThat(nginx.directive("proxy_pass")).contains("http://" + nginx.upstreamName());
            assertThat(nginx.upstreamServers()).containsExactlyInAnyOrderElementsOf(replicaAddresses);
            assertThat(nginx.upstream()).as("round robin, nginx's default")
                    .doesNotContainPattern("\\b(ip_hash|least_conn|hash|random)\\b");
        }

        @Test
        void theLoadBalancerTriesTheOtherReplicaOnlyForARequestThatCannotHaveBeenAnswered() {
            Nginx nginx = nginx();

            assertThat(nginx.directive("proxy_next_upstream").orElseThrow().split("\\s+"))
                    .as("retried on: never non_idempotent (a POST sent twice records two evaluations),"
                            + " never a 5xx answer")
                    .containsExactlyInAnyOrder("error", "timeout");
            assertThat(nginx.upstream()).as("no keepalive pool: a pooled connection closed by a stopping replica"
                    + " fails a POST that must not be retried").doesNotContainPattern("\\bkeepalive\\b");
        }

        @Test
        void theLoadBalancerLetsTheServiceAnswerOversizedBodiesAndSlowAuditCommitsItself() {
            Nginx nginx = nginx();

            assertThat(nginx.bytes("client_max_body_size")).isGreaterThan(FactsJson.MAX_DOCUMENT_BYTES);
            assertThat(DurationStyle.detectAndParse(nginx.directive("proxy_read_timeout").orElse("60s")))
                    .isGreaterThan(service.duration("advisor.audit.commit-timeout"));
        }

        private static String buildContext(JsonNode service) {
            JsonNode build = service.path("build");
            return build.isString() ? build.asString() : build.path("context").asString();
        }

        private Nginx nginx() {
            return Nginx.read(COMPOSE.resolve("nginx.conf"));
        }
    }

    /** Kubernetes: two replicas on the team's managed PostgreSQL, the rules from ConfigMaps. */
    @Nested
    class Kubernetes {

        @Test
        void atLeastTwoReplicasRunWithResourceRequestsAndAMemoryLimit() {
            JsonNode resources = container().path("resources");

            assertThat(deployment().path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(resources.path("requests").propertyNames()).contains("cpu", "memory");
            assertThat(resources.path("limits").propertyNames()).contains("memory");
        }

        @Test
        void probesAskTheServicesOwnHealthGroupsOnThePortItListensOn() {
            JsonNode container = container();
            int listening = service.port(deploymentEnvironment());
            Map<String, String> probes = Map.of("startupProbe", "/health/liveness",
                    "livenessProbe", "/health/liveness", "readinessProbe", "/health/readiness");

            probes.forEach((probe, group) -> {
                JsonNode httpGet = container.path(probe).path("httpGet");
                assertThat(httpGet.path("path").asString()).as(probe).isIn(service.healthPaths()).endsWith(group);
                assertThat(containerPort(container, httpGet.path("port"))).as(probe).isEqualTo(listening);
            });
        }

        @Test
        void thePasswordAndTheAdminTokenComeFromTheShippedSecret() {
            Map<String, JsonNode> environment = deploymentVariables();

            for (String secret : SECRETS) {
                JsonNode reference = environment.get(secret).path("valueFrom").path("secretKeyRef");
                assertThat(reference.isObject()).as("%s comes from a secretKeyRef", secret).isTrue();
                JsonNode shipped = manifest("Secret", reference.path("name").asString());
                assertThat(Stream.concat(shipped.path("stringData").propertyNames().stream(),
                        shipped.path("data").propertyNames().stream()))
                        .as("keys of Secret %s", reference.path("name").asString())
                        .contains(reference.path("key").asString());
            }
        }

        @Test
        void eachPodIsItsOwnInstance() {
            assertThat(deploymentVariables().get(INSTANCE_ID).at("/valueFrom/fieldRef/fieldPath")
                    .asString()).isEqualTo("metadata.name");
        }

        @Test
        void everyPodSignsWithTheOneKeyFileMountedReadOnlyFromTheExampleSecretAndReadableByItsUserAlone() {
            JsonNode variable = deploymentVariables().get(SIGNING_KEY);
            assertThat(variable).as(SIGNING_KEY).isNotNull();
            String path = variable.path("value").asString();
            assertThat(path).as("%s is the path of a file, not the key itself", SIGNING_KEY).startsWith("/");

            JsonNode mount = container().path("volumeMounts").valueStream()
                    .filter(candidate -> path.startsWith(candidate.path("mountPath").asString() + "/"))
                    .max(Comparator.comparingInt(candidate -> candidate.path("mountPath").asString().length()))
                    .orElseThrow(() -> new AssertionError("no volume is mounted where " + path + " is"));
            assertThat(mount.path("readOnly").asBoolean()).as("the signing key's mount is read-only").isTrue();
            String file = path.substring(mount.path("mountPath").asString().length() + 1);
            JsonNode secret = volumeMountedAt(mount.path("mountPath").asString()).path("secret");
            assertThat(secret.isObject()).as("the signing key's volume is a Secret").isTrue();
            Optional<JsonNode> item = secret.has("items")
                    ? Optional.of(only("the Secret's item at " + file, secret.path("items").valueStream()
                            .filter(candidate -> candidate.path("path").asString().equals(file)).toList()))
                    : Optional.empty();
            String key = item.map(projected -> projected.path("key").asString()).orElse(file);

            // Only in the example, which the kustomization never applies: the real one is made from the key's file.
            String secretName = secret.path("secretName").asString();
            JsonNode shipped = only("Secret " + secretName + " in secret.example.yaml",
                    documents(KUBERNETES.resolve("secret.example.yaml")).stream()
                            .filter(manifest -> manifest.path("kind").asString().equals("Secret")
                                    && manifest.at("/metadata/name").asString().equals(secretName))
                            .toList());
            assertThat(manifest("Secret", secretName)).isEqualTo(shipped);
            assertThat(Stream.concat(shipped.path("stringData").propertyNames().stream(),
                    shipped.path("data").propertyNames().stream()))
                    .as("keys of Secret %s", secretName).contains(key);

            // The kubelet writes a Secret volume's files as root, in the pod's fsGroup: the pod's non-root user
            // reads the key through that group (an owner-only 0400 would keep it out), and no other user reads it.
            int mode = item.filter(projected -> projected.has("mode")).map(projected -> projected.path("mode"))
                    .orElse(secret.path("defaultMode")).asInt(SECRET_VOLUME_DEFAULT_MODE);
            assertThat(mode & 0007).as("bits of other users in mode %o", mode).isZero();
            assertThat(mode & 0040).as("group read in mode %o", mode).isNotZero();
            assertThat(podTemplate().at("/spec/securityContext/fsGroup").isNumber()).as("the pod's fsGroup").isTrue();
        }

        @Test
        void theRulesAndTheirScenariosAreMountedReadOnlyFromConfigMapsWhereTheImageReadsThem() {
            String rulesDir = image.environment().get("ADVISOR_RULES_DIR");

            assertThat(configMapMountedAt(rulesDir)).isEqualTo("orm-advisor-rules");
            assertThat(configMapMountedAt(rulesDir + "/" + ScenarioFactsCheck.FOLDER))
                    .isEqualTo("orm-advisor-scenarios");
        }

        @Test
        void publishRulesMakesEachMountedConfigMapFromTheMatchingFolderOfRules() throws IOException {
            Matcher publish = Pattern.compile("(?m)^publish (\\S+) \"\\$rules(/\\w+)?\"$")
                    .matcher(Files.readString(KUBERNETES.resolve("publish-rules.sh")));
            Map<String, String> folderByConfigMap = new LinkedHashMap<>();
            while (publish.find()) {
                folderByConfigMap.put(publish.group(1), Optional.ofNullable(publish.group(2)).orElse(""));
            }
            String rulesDir = image.environment().get("ADVISOR_RULES_DIR");

            assertThat(folderByConfigMap).containsOnly(
                    Map.entry(configMapMountedAt(rulesDir), ""),
                    Map.entry(configMapMountedAt(rulesDir + "/" + ScenarioFactsCheck.FOLDER),
                            "/" + ScenarioFactsCheck.FOLDER));
        }

        @Test
        void theShippedRulesFitTheTwoConfigMaps() throws IOException {
            Path scenarios = ShippedRules.DIR.resolve(ScenarioFactsCheck.FOLDER);

            assertThat(subfolders(ShippedRules.DIR)).as("kubectl create configmap --from-file skips subfolders")
                    .containsExactly(scenarios);
            assertThat(subfolders(scenarios)).isEmpty();
            for (Path folder : List.of(ShippedRules.DIR, scenarios)) {
                List<Path> files = files(folder);
                assertThat(files).extracting(file -> file.getFileName().toString()).as("ConfigMap keys")
                        .allMatch(key -> key.matches("[-._a-zA-Z0-9]+"));
                long bytes = 0;
                for (Path file : files) {
                    bytes += Files.size(file) + file.getFileName().toString().length();
                }
                assertThat(bytes).as("size of %s as a ConfigMap", folder).isLessThan(CONFIG_MAP_BYTES);
            }
        }

        @Test
        void thePodRunsAsTheImagesUserOnAReadOnlyRootWithAWritableTmp() {
            JsonNode pod = podTemplate().path("spec");
            JsonNode container = container();

            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(image.userId());
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            if (container.at("/securityContext/readOnlyRootFilesystem").asBoolean()) {
                assertThat(volumeMountedAt("/tmp").has("emptyDir")).isTrue();
            }
        }

        @Test
        void theGracePeriodCoversThePreStopPauseAndTheGracefulShutdown() {
            Duration needed = preStopPause(container()).plus(service.gracefulShutdown());

            assertThat(Duration.ofSeconds(podTemplate().at("/spec/terminationGracePeriodSeconds").asInt(30)))
                    .isGreaterThan(needed);
        }

        @Test
        void aDisruptionBudgetKeepsAReplicaUpAndLetsADrainEvictTheOther() {
            JsonNode budget = only("PodDisruptionBudget", manifests("PodDisruptionBudget")).path("spec");

            assertThat(selects(budget.path("selector").path("matchLabels"))).isTrue();
            assertThat(budget.path("minAvailable").asInt()).isBetween(1,
                    deployment().path("spec").path("replicas").asInt() - 1);
        }

        @Test
        void theServiceSendsItsPortToTheContainersNamedPortOfTheSelectedPods() {
            JsonNode spec = manifest("Service", deployment().path("metadata").path("name").asString()).path("spec");

            assertThat(selects(deployment().at("/spec/selector/matchLabels"))).as("the Deployment's selector").isTrue();
            assertThat(selects(spec.path("selector"))).as("the Service's selector").isTrue();
            assertThat(spec.path("ports").valueStream().map(port -> port.path("targetPort").asString()))
                    .isNotEmpty()
                    .allSatisfy(target -> assertThat(container().path("ports").valueStream()
                            .map(port -> port.path("name").asString())).contains(target));
        }

        @Test
        void theKustomizationAppliesEveryManifestButTheSecretExample() throws IOException {
            List<String> listed = only("kustomization", documents(KUBERNETES.resolve("kustomization.yaml")))
                    .path("resources")
                    .valueStream().map(JsonNode::asString).toList();

            assertThat(listed).containsExactlyInAnyOrderElementsOf(manifestFiles().stream()
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("secret.example.yaml"))
                    .toList());
        }

        private String configMapMountedAt(String path) {
            JsonNode mount = mountAt(path);
            assertThat(mount.path("readOnly").asBoolean()).as("%s is read-only", path).isTrue();
            assertThat(mount.has("subPath")).as("a subPath is never updated by the kubelet").isFalse();
            JsonNode configMap = volumeMountedAt(path).path("configMap");
            assertThat(configMap.isObject()).as("%s is a configMap volume", path).isTrue();
            return configMap.path("name").asString();
        }

        private JsonNode mountAt(String path) {
            return only("volume mounted at " + path, container().path("volumeMounts").valueStream()
                    .filter(mount -> mount.path("mountPath").asString().equals(path))
                    .toList());
        }

        private JsonNode volumeMountedAt(String path) {
            String volume = mountAt(path).path("name").asString();
            return only("volume " + volume, podTemplate().at("/spec/volumes").valueStream()
                    .filter(candidate -> candidate.path("name").asString().equals(volume))
                    .toList());
        }

        private boolean selects(JsonNode matchLabels) {
            JsonNode podLabels = podTemplate().at("/metadata/labels");
            return !matchLabels.isEmpty() && matchLabels.properties().stream()
                    .allMatch(label -> label.getValue().equals(podLabels.path(label.getKey())));
        }

        private static int containerPort(JsonNode container, JsonNode port) {
            if (port.isNumber()) {
                return port.asInt();
            }
            return only("container port " + port, container.path("ports").valueStream()
                    .filter(candidate -> candidate.path("name").asString().equals(port.asString()))
                    .map(candidate -> candidate.path("containerPort").asInt())
                    .toList());
        }

        private static Duration preStopPause(JsonNode container) {
            JsonNode preStop = container.at("/lifecycle/preStop");
            if (preStop.isMissingNode()) {
                return Duration.ZERO;
            }
            if (preStop.has("sleep")) {
                return Duration.ofSeconds(preStop.at("/sleep/seconds").asInt());
            }
            List<String> command = preStop.at("/exec/command").valueStream().map(JsonNode::asString).toList();
            assertThat(command).as("a preStop hook this test can time").hasSize(2).startsWith("sleep");
            return Duration.ofSeconds(Long.parseLong(command.get(1)));
        }

        private static List<Path> subfolders(Path folder) throws IOException {
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.filter(Files::isDirectory).toList();
            }
        }

        private static List<Path> files(Path folder) throws IOException {
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.filter(Files::isRegularFile).toList();
            }
        }
    }

    private JsonNode services() {
        return only("compose file", documents(COMPOSE.resolve("compose.yaml"))).path("services");
    }

    private JsonNode composeService(String name) {
        JsonNode service = services().path(name);
        assertThat(service.isObject()).as("compose service %s", name).isTrue();
        return service;
    }

    private JsonNode deployment() {
        return only("Deployment", manifests("Deployment"));
    }

    private JsonNode podTemplate() {
        return deployment().path("spec").path("template");
    }

    private JsonNode container() {
        return only("container", podTemplate().at("/spec/containers").valueStream().toList());
    }

    /** The Deployment's container's environment, each variable as written ({@code value} or {@code valueFrom}). */
    private Map<String, JsonNode> deploymentVariables() {
        return container().path("env").valueStream()
                .collect(Collectors.toMap(variable -> variable.path("name").asString(), variable -> variable));
    }

    /** The Deployment's container's environment, the values of {@code valueFrom} variables unknown here (empty). */
    private Map<String, String> deploymentEnvironment() {
        return deploymentVariables().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, variable -> variable.getValue().path("value").asString()));
    }

    private static Map<String, String> environment(JsonNode composeService) {
        JsonNode environment = composeService.path("environment");
        assertThat(environment.isObject()).as("environment as a mapping").isTrue();
        return environment.properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, variable -> variable.getValue().asString()));
    }

    private JsonNode manifest(String kind, String name) {
        return only(kind + " " + name, manifests(kind).stream()
                .filter(manifest -> manifest.at("/metadata/name").asString().equals(name))
                .toList());
    }

    private List<JsonNode> manifests(String kind) {
        return manifestFiles().stream().flatMap(file -> documents(file).stream())
                .filter(manifest -> manifest.path("kind").asString().equals(kind))
                .toList();
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> documents(Path file) {
        try {
            return yaml.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file)).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T only(String what, List<T> items) {
        assertThat(items).as(what).hasSize(1);
        return items.get(0);
    }
}
