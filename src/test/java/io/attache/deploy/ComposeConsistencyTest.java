package io.attache.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, its 3-node override and the monitoring files agree with the code and the POM. */
class ComposeConsistencyTest {

    private static final Path COMPOSE = Deployment.file("docker-compose.yml");
    private static final Path THREE_NODES = Deployment.file("docker-compose.3-node.yml");
    private static final JsonNode SERVICES = Deployment.document(COMPOSE).path("services");
    private static final JsonNode OVERRIDE = Deployment.document(THREE_NODES).path("services");

    @Test
    @DisplayName("Every ATTACHE_ variable in the compose files is a setting or a real Kafka client property")
    void variablesAreKnown() {
        Set<String> used = new TreeSet<>(Deployment.attacheVariables(Deployment.document(COMPOSE)));
        used.addAll(Deployment.attacheVariables(Deployment.document(THREE_NODES)));
        used.addAll(appEnv().keySet());

        assertThat(used).contains(Setting.BOOTSTRAP_SERVERS.env(), Setting.HTTP_PORT.env(), Setting.APPLICATION_SERVER.env());
        assertThat(used).allSatisfy(v -> assertThat(Deployment.problemWith(v)).as(v).isNull());
    }

    @Test
    @DisplayName("The app listens, is checked and is scraped on the default HTTP port")
    void ports() {
        JsonNode app = SERVICES.path("attache");
        assertThat(appEnv()).containsEntry(Setting.HTTP_PORT.env(), Setting.HTTP_PORT.defaultValue());
        List<Integer> targets = new ArrayList<>();
        app.path("ports").forEach(p -> targets.add(Integer.parseInt(p.asText().substring(p.asText().lastIndexOf(':') + 1))));
        assertThat(targets).containsExactly(Deployment.HTTP_PORT);
        assertThat(app.path("ports").get(0).asText()).as("a host port range, one port per replica").matches("\\d+-\\d+:\\d+");

        String healthcheck = String.join(" ", Deployment.texts(app.at("/healthcheck/test")));
        assertThat(number(healthcheck, "/dev/tcp/127\\.0\\.0\\.1/(\\d+)")).isEqualTo(Deployment.HTTP_PORT);
        assertThat(healthcheck).contains("GET /health/ready ");

        JsonNode scrape = Deployment.document(Deployment.file("deploy/prometheus/prometheus.yml")).at("/scrape_configs/0");
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(scrape.at("/dns_sd_configs/0/port").asInt()).isEqualTo(Deployment.HTTP_PORT);
        assertThat(Deployment.texts(scrape.at("/dns_sd_configs/0/names"))).containsExactly("attache");
    }

    @Test
    @DisplayName("The services start in order: Kafka healthy, topics created, then the app")
    void startOrder() {
        assertThat(SERVICES.at("/topics/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
        assertThat(SERVICES.at("/attache/depends_on/topics/condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(SERVICES.at("/attache/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
        assertThat(Deployment.texts(SERVICES.at("/topics/command"))).containsExactly("topics", "apply");
        assertThat(Deployment.texts(SERVICES.at("/attache/command"))).containsExactly("run");
        for (JsonNode services : List.of(SERVICES, OVERRIDE)) {
            services.fields().forEachRemaining(s -> s.getValue().path("depends_on").fields().forEachRemaining(d -> {
                if (d.getValue().path("condition").asText().equals("service_healthy")) {
                    assertThat(SERVICES.path(d.getKey()).has("healthcheck") || OVERRIDE.path(d.getKey()).has("healthcheck"))
                            .as("%s waits for %s to be healthy, which has a healthcheck", s.getKey(), d.getKey()).isTrue();
                }
            }));
        }
    }

    @Test
    @DisplayName("The app and topic job run the image the POM builds, read-only, each replica with its own state volume")
    void image() {
        String image = Pom.imageReference();
        for (String service : List.of("topics", "attache")) {
            assertThat(SERVICES.at("/" + service + "/image").asText()).endsWith(":-" + image + "}");
            assertThat(SERVICES.at("/" + service + "/read_only").asBoolean()).as(service).isTrue();
            assertThat(Deployment.texts(SERVICES.at("/" + service + "/tmpfs"))).as(service).contains("/tmp");
        }
        assertThat(Deployment.texts(SERVICES.at("/attache/volumes"))).as("anonymous, so never shared by two replicas")
                .containsExactly("/var/lib/attache");
        String entrypoint = String.join(" ", Deployment.texts(SERVICES.at("/attache/entrypoint")));
        assertThat(entrypoint).contains(Pom.jvmFlagsOfImage())
                .contains(" " + Pom.property("main.class") + " ");
    }

    @Test
    @DisplayName("Kafka is the version the project builds against, and the 3-node variant lists every node")
    void kafkaNodes() {
        String version = Pom.property("kafka.version");
        assertThat(SERVICES.at("/kafka/image").asText()).isEqualTo("apache/kafka:" + version);
        List<String> nodes = new ArrayList<>(List.of("kafka"));
        OVERRIDE.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("kafka-")) {
                nodes.add(n);
                assertThat(OVERRIDE.at("/" + n + "/image").asText()).isEqualTo("apache/kafka:" + version);
            }
        });
        assertThat(nodes).hasSize(3);
        String bootstrap = OVERRIDE.at("/attache/environment/" + Setting.BOOTSTRAP_SERVERS.env()).asText();
        assertThat(bootstrap.split(",")).containsExactlyElementsOf(nodes.stream().map(n -> n + ":9092").toList());
        assertThat(OVERRIDE.at("/topics/environment/" + Setting.BOOTSTRAP_SERVERS.env()).asText()).isEqualTo(bootstrap);
        for (String n : nodes) {
            JsonNode env = OVERRIDE.at("/" + n + "/environment");
            assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().split(",")).as(n).hasSize(3);
        }
        assertThat(nodes.stream().map(n -> (n.equals("kafka") ? SERVICES : OVERRIDE).at("/" + n + "/environment/CLUSTER_ID")
                .asText()).distinct().toList()).as("one cluster id for all nodes").hasSize(1).doesNotContain("");
        assertThat(appEnv().get(Setting.BOOTSTRAP_SERVERS.env())).isEqualTo("kafka:9092");
    }

    @Test
    @DisplayName("The Grafana dashboard queries the provisioned Prometheus data source")
    void dashboard() {
        JsonNode dashboard = Deployment.json(Deployment.file("deploy/grafana/dashboards/attache.json"));
        String uid = Deployment.document(Deployment.file("deploy/grafana/provisioning/datasources/prometheus.yml"))
                .at("/datasources/0/uid").asText();
        assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.at("/datasource/uid").asText()).isEqualTo(uid);
            assertThat(p.path("targets")).isNotEmpty();
        });
        String queries = dashboard.findValuesAsText("expr").toString();
        assertThat(queries).contains("attache_articles_in_total", "attache_articles_rejected_total", "attache_alerts_total",
                "attache_e2e_latency_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max", "kafka_stream_");
    }

    private static Map<String, String> appEnv() {
        List<String> files = new ArrayList<>();
        for (String service : List.of("topics", "attache")) {
            files.add(SERVICES.at("/" + service + "/env_file").asText());
        }
        assertThat(files).containsOnly(files.get(0));
        return Deployment.envFile(Deployment.file(files.get(0)));
    }

    private static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
