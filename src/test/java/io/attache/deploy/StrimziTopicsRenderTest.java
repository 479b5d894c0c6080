package io.attache.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.cli.AttacheCli;
import io.attache.topics.StrimziTopics;
import io.attache.topics.TopicDeclarations;
import io.attache.topics.TopicSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StrimziTopicsRenderTest {

    private static final Path COMMITTED = Deployment.file("k8s/base/topics.yaml");

    @Test
    @DisplayName("k8s/base/topics.yaml is exactly what `attache topics render --format strimzi` writes today")
    void committedFileIsAFreshRender(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("topics.yaml");
        int exit = AttacheCli.commandLine().execute(
                "topics", "render", "--format", "strimzi", "--cluster", "attache", "--output", fresh.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(COMMITTED))
                .as("k8s/base/topics.yaml is stale: run `java -jar target/attache.jar topics render --format strimzi"
                        + " --cluster attache --output k8s/base/topics.yaml`")
                .isEqualTo(Files.readString(fresh));
    }

    @Test
    @DisplayName("Each declared topic becomes one KafkaTopic with its partitions, replicas and configs")
    void oneResourcePerDeclaration() {
        List<JsonNode> docs = Deployment.documents(COMMITTED);
        List<TopicSpec> declared = TopicDeclarations.all();

        assertThat(docs).hasSize(declared.size());
        for (int i = 0; i < declared.size(); i++) {
            TopicSpec t = declared.get(i);
            JsonNode r = docs.get(i);
            assertThat(r.path("apiVersion").asText()).isEqualTo(StrimziTopics.API_VERSION);
            assertThat(r.path("kind").asText()).isEqualTo("KafkaTopic");
            assertThat(r.at("/metadata/labels").path(StrimziTopics.CLUSTER_LABEL).asText()).isEqualTo("attache");
            assertThat(r.at("/spec/topicName").asText()).isEqualTo(t.name());
            assertThat(r.at("/spec/partitions").asInt()).as(t.name()).isEqualTo(t.partitions());
            assertThat(r.at("/spec/replicas").asInt()).as(t.name()).isEqualTo(t.replicationFactor());
            assertThat(Deployment.textMap(r.at("/spec/config"))).as(t.name()).isEqualTo(t.configs());
        }
    }

    @Test
    @DisplayName("A prefix goes before every topic name, and names Kubernetes refuses are made valid object names")
    void prefixAndObjectNames(@TempDir Path dir) throws Exception {
        TopicSpec odd = new TopicSpec("Raw_Articles", "", null, 2, (short) 1, 1, "delete", 1000L, "zstd", 1024);
        Path file = Files.writeString(dir.resolve("odd.yaml"), StrimziTopics.render(List.of(odd), "prod.", "big", "test"));
        JsonNode r = Deployment.documents(file).get(0);

        assertThat(r.at("/spec/topicName").asText()).isEqualTo("prod.Raw_Articles");
        assertThat(r.at("/metadata/name").asText()).isEqualTo("prod.raw-articles");
        assertThat(r.at("/metadata/labels").path(StrimziTopics.CLUSTER_LABEL).asText()).isEqualTo("big");
        assertThat(Deployment.textMap(r.at("/spec/config"))).containsEntry("retention.ms", "1000");
    }

    @Test
    @DisplayName("Without --output the resources go to standard output; an unknown format is a usage error")
    void standardOutputAndBadFormat() {
        StringWriter out = new StringWriter();
        CommandLine cli = AttacheCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("topics", "render", "--format", "strimzi", "--prefix", "dev.")).isZero();
        assertThat(out.toString()).contains("topicName: dev.articles.raw", "--prefix dev.");
        assertThat(AttacheCli.commandLine().setErr(new PrintWriter(new StringWriter()))
                .execute("topics", "render", "--format", "helm")).isEqualTo(2);
    }
}
