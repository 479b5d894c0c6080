package io.attache.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.config.Setting;
import io.attache.topics.TopicDeclarations;
import io.attache.topics.TopicSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay as Kustomize builds it (with `kustomize build` or `kubectl kustomize`, whichever is on
 * the PATH), checked as the cluster would receive it: patches applied, names and ports joined up.
 */
class KustomizeOverlaysTest {

    private static final long MIB = 1024 * 1024;
    /** Metaspace, code cache, thread stacks and Kafka client buffers of one instance, measured loosely. */
    private static final long JVM_NON_HEAP_MIB = 300;

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "prod"})
    @DisplayName("The Strimzi cluster, its topics and the app's client settings fit together")
    void strimzi(String overlay, @TempDir Path tmp) {
        Built built = build(overlay, tmp);
        JsonNode kafka = built.only("Kafka");
        String cluster = kafka.at("/metadata/name").asText();
        for (String kind : List.of("KafkaTopic", "KafkaNodePool", "KafkaUser")) {
            assertThat(built.all(kind)).allSatisfy(r ->
                    assertThat(r.at("/metadata/labels/strimzi.io~1cluster").asText()).as(kind).isEqualTo(cluster));
        }
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : built.all("KafkaNodePool")) {
            List<String> roles = Deployment.texts(pool.at("/spec/roles"));
            brokers += roles.contains("broker") ? pool.at("/spec/replicas").asInt() : 0;
            controllers += roles.contains("controller") ? pool.at("/spec/replicas").asInt() : 0;
        }
        assertThat(brokers).isPositive();
        assertThat(controllers % 2).as("an odd KRaft quorum").isEqualTo(1);

        String prefix = built.config().getOrDefault(Setting.TOPIC_PREFIX.env(), "");
        assertThat(built.all("KafkaTopic")).hasSize(TopicDeclarations.all().size());
        for (JsonNode topic : built.all("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText();
            TopicSpec declared = TopicDeclarations.find(name.substring(prefix.length())).orElseThrow();
            int replicas = topic.at("/spec/replicas").asInt();
            Map<String, String> config = Deployment.textMap(topic.at("/spec/config"));
            assertThat(replicas).as("%s replicas on %d brokers", name, brokers).isBetween(1, Math.min(brokers, declared.replicationFactor()));
            assertThat(Integer.parseInt(config.get("min.insync.replicas"))).as(name).isBetween(1, Math.max(1, replicas - 1));
            assertThat(topic.at("/spec/partitions").asInt()).as(name).isEqualTo(declared.partitions());
            Map<String, String> expected = new LinkedHashMap<>(declared.configs());
            expected.put("min.insync.replicas", config.get("min.insync.replicas"));
            assertThat(config).as(name).isEqualTo(expected);
        }

        Matcher bootstrap = Pattern.compile("([a-z0-9-]+):(\\d+)").matcher(built.config().get(Setting.BOOTSTRAP_SERVERS.env()));
        assertThat(bootstrap.matches()).isTrue();
        assertThat(bootstrap.group(1)).isEqualTo(cluster + "-kafka-bootstrap");
        JsonNode listener = stream(kafka.at("/spec/kafka/listeners"))
                .filter(l -> l.path("port").asText().equals(bootstrap.group(2))).findFirst()
                .orElseThrow(() -> new AssertionError("no listener on port " + bootstrap.group(2)));
        String protocol = built.config().get("ATTACHE_KAFKA_SECURITY_PROTOCOL");
        if (listener.path("tls").asBoolean() && listener.at("/authentication/type").asText().equals("scram-sha-512")) {
            assertThat(protocol).isEqualTo("SASL_SSL");
            assertThat(built.config()).containsEntry("ATTACHE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            JsonNode jaas = built.env("ATTACHE_KAFKA_SASL_JAAS_CONFIG").orElseThrow();
            JsonNode user = built.only("KafkaUser");
            assertThat(jaas.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(user.at("/metadata/name").asText());
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            String truststore = built.config().get("ATTACHE_KAFKA_SSL_TRUSTSTORE_LOCATION");
            String caVolume = stream(built.container().path("volumeMounts"))
                    .filter(m -> truststore.startsWith(m.path("mountPath").asText() + "/"))
                    .map(m -> m.path("name").asText()).findFirst().orElseThrow();
            assertThat(stream(built.statefulSet().at("/spec/template/spec/volumes"))
                    .filter(v -> v.path("name").asText().equals(caVolume)).findFirst().orElseThrow()
                    .at("/secret/secretName").asText()).isEqualTo(cluster + "-cluster-ca-cert");
        } else {
            assertThat(listener.path("tls").asBoolean()).isFalse();
            assertThat(listener.has("authentication")).isFalse();
            assertThat(protocol).isNull();
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "prod"})
    @DisplayName("The StatefulSet serves on the default port behind both Services and advertises its pod's DNS name")
    void app(String overlay, @TempDir Path tmp) {
        Built built = build(overlay, tmp);
        JsonNode sts = built.statefulSet();
        JsonNode container = built.container();
        JsonNode podLabels = sts.at("/spec/template/metadata/labels");
        String port = Setting.HTTP_PORT.defaultValue();

        assertThat(built.config()).containsEntry(Setting.HTTP_PORT.env(), port);
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(port);
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(sts.at("/spec/template/metadata/annotations/prometheus.io~1port").asText()).isEqualTo(port);
        for (JsonNode service : built.all("Service")) {
            assertThat(matches(service.at("/spec/selector"), podLabels)).isTrue();
            assertThat(service.at("/spec/ports/0/port").asText()).isEqualTo(port);
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isIn("http", port);
        }
        JsonNode headless = built.all("Service").stream()
                .filter(s -> s.at("/spec/clusterIP").asText().equals("None")).findFirst().orElseThrow();
        assertThat(sts.at("/spec/serviceName").asText()).isEqualTo(headless.at("/metadata/name").asText());
        assertThat(built.env(Setting.APPLICATION_SERVER.env()).orElseThrow().path("value").asText()).isEqualTo(
                "$(POD_NAME)." + headless.at("/metadata/name").asText() + ".$(POD_NAMESPACE).svc:" + port);
        List<String> envOrder = stream(container.path("env")).map(e -> e.path("name").asText()).toList();
        assertThat(envOrder.indexOf("POD_NAME")).isBetween(0, envOrder.indexOf(Setting.APPLICATION_SERVER.env()));
        assertThat(built.env("POD_NAME").orElseThrow().at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");

        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).isIn("http", port);
        }

        JsonNode pdb = built.only("PodDisruptionBudget");
        assertThat(matches(pdb.at("/spec/selector/matchLabels"), podLabels)).isTrue();
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"dev", "prod"})
    @DisplayName("Pods run as non-root on a read-only root, with persistent state, standbys and memory that adds up")
    void podShape(String overlay, @TempDir Path tmp) {
        Built built = build(overlay, tmp);
        JsonNode sts = built.statefulSet();
        JsonNode container = built.container();

        assertThat(sts.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(sts.at("/spec/template/spec/securityContext/runAsUser").asInt()).isPositive();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();

        String stateDir = built.config().get(Setting.STATE_DIR.env());
        String claim = sts.at("/spec/volumeClaimTemplates/0/metadata/name").asText();
        assertThat(stream(container.path("volumeMounts"))).anySatisfy(m -> {
            assertThat(m.path("name").asText()).isEqualTo(claim);
            assertThat(stateDir).startsWith(m.path("mountPath").asText() + "/");
        });
        String tmpVolume = stream(container.path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                .map(m -> m.path("name").asText()).findFirst().orElseThrow();
        assertThat(stream(sts.at("/spec/template/spec/volumes")).filter(v -> v.path("name").asText().equals(tmpVolume))
                .findFirst().orElseThrow().has("emptyDir")).isTrue();

        int replicas = sts.at("/spec/replicas").asInt();
        int standbys = Integer.parseInt(built.config().get(Setting.STANDBY_REPLICAS.env()));
        int maxTasks = TopicDeclarations.all().stream().mapToInt(TopicSpec::partitions).max().orElseThrow();
        assertThat(replicas).as("instances beyond the partition count stay idle").isBetween(1, maxTasks);
        assertThat(standbys).as("a standby needs another instance to live on").isBetween(replicas > 1 ? 1 : 0, replicas - 1);

        long limit = quantity(container.at("/resources/limits/memory").asText());
        assertThat(quantity(container.at("/resources/requests/memory").asText())).isEqualTo(limit);
        String maxRam = Pom.jvmFlagsOfImage().stream().filter(f -> f.startsWith("-XX:MaxRAMPercentage="))
                .findFirst().orElseThrow().substring("-XX:MaxRAMPercentage=".length());
        long heap = (long) (limit * Double.parseDouble(maxRam) / 100);
        long rocksdb = Long.parseLong(built.config().get(Setting.ROCKSDB_CACHE_MB.env())) * MIB;
        assertThat(heap + rocksdb + JVM_NON_HEAP_MIB * MIB).as("heap + RocksDB + JVM overhead within the limit")
                .isLessThanOrEqualTo(limit);
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        List<Boolean> all = new ArrayList<>();
        selector.fields().forEachRemaining(e -> all.add(labels.path(e.getKey()).asText().equals(e.getValue().asText())));
        return !all.isEmpty() && !all.contains(false);
    }

    private static long quantity(String q) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(q);
        assertThat(m.matches()).as("memory quantity %s", q).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 * MIB : MIB);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    /** One overlay's built resources. */
    private record Built(List<JsonNode> resources) {

        List<JsonNode> all(String kind) {
            return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        }

        JsonNode only(String kind) {
            assertThat(all(kind)).as(kind).hasSize(1);
            return all(kind).get(0);
        }

        JsonNode statefulSet() {
            return only("StatefulSet");
        }

        JsonNode container() {
            return statefulSet().at("/spec/template/spec/containers/0");
        }

        Map<String, String> config() {
            return resources.stream().filter(r -> r.path("kind").asText().equals("ConfigMap"))
                    .filter(r -> r.at("/metadata/name").asText().equals("attache-config"))
                    .map(r -> Deployment.textMap(r.path("data"))).findFirst().orElseThrow();
        }

        Optional<JsonNode> env(String name) {
            return stream(container().path("env")).filter(e -> e.path("name").asText().equals(name)).findFirst();
        }
    }

    private static Built build(String overlay, Path tmp) {
        List<String> command = tool()
                .map(t -> t.endsWith("kustomize") ? List.of(t, "build") : List.of(t, "kustomize"))
                .orElseGet(() -> {
                    Assumptions.abort("skipped: neither kustomize nor kubectl is on the PATH, so overlay " + overlay
                            + " was not built (.ci/run tries to install kubectl)");
                    return List.of();
                });
        List<String> full = new ArrayList<>(command);
        full.add(Deployment.file("k8s/overlays/" + overlay).toString());
        Path out = tmp.resolve("built.yaml");
        Path err = tmp.resolve("err.txt");
        try {
            Process p = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished within 2 minutes", full).isTrue();
            assertThat(p.exitValue()).as("%s: %s", full, Files.readString(err)).isZero();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Built(Deployment.documents(out));
    }

    private static Optional<String> tool() {
        for (String name : List.of("kustomize", "kubectl")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
