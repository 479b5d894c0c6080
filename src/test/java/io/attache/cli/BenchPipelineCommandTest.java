package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import io.attache.testing.EmbeddedTestBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("bench pipeline")
class BenchPipelineCommandTest {

    @Test
    @DisplayName("measures the pipeline against the passthrough over the same articles and writes every figure the JSON promises")
    void smallRun(@TempDir Path dir) throws Exception {
        String servers = EmbeddedTestBroker.shared().bootstrapServers();
        Path json = dir.resolve("bench.json");
        CommandsTest.Run run = CommandsTest.attache("bench", "pipeline", "--bootstrap-servers", servers, "-n", "300",
                "--warmup", "0", "--latency-articles", "60", "--json", json.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("pipeline / passthrough", "records sent per article", "stream thread time, pipeline");
        JsonNode r = read(json);
        assertThat(r.get("extractor").asText()).isEqualTo("standard");
        assertThat(r.get("articles").asInt()).isEqualTo(300);
        double pipeline = r.get("pipeline_articles_per_s").asDouble();
        double passthrough = r.get("passthrough_articles_per_s").asDouble();
        assertThat(pipeline).isPositive();
        assertThat(r.get("ratio").asDouble()).isCloseTo(pipeline / passthrough, within(0.006));
        assertThat(r.get("all_tables_articles_per_s").asDouble()).isPositive().isLessThanOrEqualTo(pipeline);
        // the passthrough copies each article once; the pipeline also writes mentions, events, tables and changelogs
        assertThat(r.get("passthrough_records_sent_per_article").asDouble()).isEqualTo(1.0);
        assertThat(r.get("pipeline_records_sent_per_article").asDouble()).isGreaterThan(5);
        for (String app : List.of("passthrough_thread_time", "pipeline_thread_time")) {
            JsonNode t = r.get(app);
            double sum = t.get("process").asDouble() + t.get("commit").asDouble() + t.get("poll").asDouble()
                    + t.get("punctuate").asDouble();
            assertThat(t.get("process").asDouble()).as(app).isPositive();
            assertThat(sum).as(app).isBetween(0.5, 1.05);
        }
        // every latency-phase article is a generated story with an event: each reaches events.canonical
        assertThat(r.get("canonical_articles_seen").asInt()).isEqualTo(60);
        JsonNode alerts = r.get("alert_latency_ms");
        assertThat(alerts.get("count").asInt()).isPositive();
        assertThat(alerts.get("p50").asLong()).isPositive().isLessThanOrEqualTo(alerts.get("p95").asLong());
        assertThat(alerts.get("p95").asLong()).isLessThanOrEqualTo(alerts.get("p99").asLong());
        assertThat(alerts.get("p99").asLong()).isLessThanOrEqualTo(alerts.get("max").asLong());
        assertThat(r.get("heap_max_mb").asLong()).isPositive();
        assertThat(r.get("machine").get("cores").asInt()).isPositive();
        Matcher prefix = Pattern.compile("created under prefix (\\S+)").matcher(run.out());
        assertThat(prefix.find()).as(run.out()).isTrue();
        String runId = prefix.group(1).replaceAll("\\.$", "");
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            // internal topics are named after the application id (the run id), declared ones after the prefix
            assertThat(admin.listTopics().names().get()).as("the bench leaves no topic behind")
                    .noneMatch(t -> t.startsWith(runId));
        }
    }

    private static JsonNode read(Path json) throws IOException {
        return Json.MAPPER.readTree(json.toFile());
    }
}
