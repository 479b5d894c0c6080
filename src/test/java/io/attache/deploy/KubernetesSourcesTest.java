package io.attache.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.config.Setting;
import io.attache.topics.TopicDeclarations;
import io.attache.topics.TopicSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The files under k8s/, as written, agree with the settings, the topic declarations and each other. */
class KubernetesSourcesTest {

    private static final List<Path> FILES = Deployment.yamlFilesUnder("k8s");
    private static final Map<String, String> CONFIG = Deployment.textMap(
            only("ConfigMap", "attache-config", "k8s/base/configmap.yaml").path("data"));

    @Test
    @DisplayName("Every ATTACHE_ variable under k8s/ is a setting or a real Kafka client property")
    void variablesAreKnown() {
        Set<String> used = new TreeSet<>();
        FILES.forEach(f -> Deployment.documents(f).forEach(d -> used.addAll(Deployment.attacheVariables(d))));

        assertThat(used).contains(Setting.BOOTSTRAP_SERVERS.env(), Setting.APPLICATION_SERVER.env(),
                "ATTACHE_KAFKA_SECURITY_PROTOCOL", "ATTACHE_KAFKA_SASL_MECHANISM", "ATTACHE_KAFKA_SASL_JAAS_CONFIG");
        assertThat(used).allSatisfy(v -> assertThat(Deployment.problemWith(v)).as(v).isNull());
    }

    @Test
    @DisplayName("No credential is written in the manifests: secrets are only referenced")
    void noCredentials() {
        for (Path f : FILES) {
            for (JsonNode doc : Deployment.documents(f)) {
                assertThat(doc.path("kind").asText()).as(f.toString()).isNotEqualTo("Secret");
                for (JsonNode env : doc.findValues("env")) {
                    env.forEach(e -> {
                        if (e.path("name").asText().matches(".*(PASSWORD|JAAS|TOKEN|SECRET).*")) {
                            assertThat(e.has("value")).as("%s in %s has a literal value", e.path("name"), f).isFalse();
                            assertThat(e.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
                        }
                    });
                }
            }
        }
    }

    @Test
    @DisplayName("The app's settings use the default HTTP port and a state dir inside the state volume")
    void settings() {
        assertThat(CONFIG.get(Setting.HTTP_PORT.env())).isEqualTo(Setting.HTTP_PORT.defaultValue());
        assertThat(CONFIG.get(Setting.STATE_DIR.env())).startsWith("/var/lib/attache/");
        assertThat(Integer.parseInt(CONFIG.get(Setting.STANDBY_REPLICAS.env()))).isPositive();
        assertThat(CONFIG.keySet()).allSatisfy(k -> assertThat(Deployment.problemWith(k)).as(k).isNull());
    }

    @Test
    @DisplayName("One KafkaTopic per declared topic, with the declared partitions and configs")
    void topics() {
        String prefix = CONFIG.getOrDefault(Setting.TOPIC_PREFIX.env(), "");
        List<JsonNode> resources = Deployment.documents(Deployment.file("k8s/base/topics.yaml"));
        Map<String, JsonNode> byName = resources.stream()
                .collect(Collectors.toMap(r -> r.at("/spec/topicName").asText(), r -> r));

        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                TopicDeclarations.all().stream().map(t -> prefix + t.name()).toList());
        for (TopicSpec t : TopicDeclarations.all()) {
            JsonNode r = byName.get(prefix + t.name());
            assertThat(r.at("/spec/partitions").asInt()).as(t.name()).isEqualTo(t.partitions());
            assertThat(Deployment.textMap(r.at("/spec/config"))).as(t.name()).isEqualTo(t.configs());
        }
    }

    @Test
    @DisplayName("The app's KafkaUser may use exactly the declared topics, its own internal topics, group and transactions")
    void acls() {
        String prefix = CONFIG.getOrDefault(Setting.TOPIC_PREFIX.env(), "");
        String applicationId = CONFIG.get(Setting.APPLICATION_ID.env());
        JsonNode user = only("KafkaUser", null, "k8s/overlays/prod/kafka-user.yaml");
        List<String> literalTopics = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode r = acl.path("resource");
            String key = r.path("type").asText() + " " + r.path("name").asText();
            if (r.path("type").asText().equals("topic") && r.path("patternType").asText().equals("literal")) {
                literalTopics.add(r.path("name").asText());
                assertThat(Deployment.texts(acl.path("operations"))).as(key).contains("Read", "Write", "Describe");
            } else if (r.path("patternType").asText().equals("prefix")) {
                prefixes.add(key);
            } else if (r.path("type").asText().equals("group")) {
                assertThat(r.path("name").asText()).isEqualTo(applicationId);
            }
        }
        assertThat(literalTopics).containsExactlyInAnyOrderElementsOf(
                TopicDeclarations.all().stream().map(t -> prefix + t.name()).toList());
        assertThat(prefixes).containsExactlyInAnyOrder("topic " + applicationId + "-", "transactionalId " + applicationId + "-");
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
    }

    /** The one document of a kind (and name, if given) in a file. */
    private static JsonNode only(String kind, String name, String file) {
        List<JsonNode> found = Deployment.documents(Deployment.file(file)).stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> name == null || d.at("/metadata/name").asText().equals(name))
                .toList();
        assertThat(found).as("%s %s in %s", kind, name, file).hasSize(1);
        return found.get(0);
    }
}
