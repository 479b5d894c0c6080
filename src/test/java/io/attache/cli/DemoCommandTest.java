package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    @DisplayName("demo --corpus --exit-when-idle --export starts its own broker, processes a corpus with bad lines and writes every output topic, exiting 0")
    void demoExports(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream corpus = new ByteArrayOutputStream();
        corpus.writeBytes(("{\"id\":\"d1\",\"source\":\"test wire\",\"published_at\":\"2026-02-03\","
                + "\"text\":\"The foreign minister of Ruritania will travel to Osterlich next week.\"}\n").getBytes(StandardCharsets.UTF_8));
        corpus.writeBytes("{\"id\":\"d2\",\"text\":\"truncated\n".getBytes(StandardCharsets.UTF_8));
        corpus.writeBytes(new byte[] {(byte) 0xfe, (byte) 0xfd, 0x01, 0x02, '\n'});
        corpus.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        corpus.writeBytes("A plain text line about a summit in Zenda.\n".getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("corpus.jsonl");
        Files.write(file, corpus.toByteArray());
        Path export = dir.resolve("export");

        CommandsTest.Run r = CommandsTest.attache("demo", "--data-dir", dir.resolve("kafka").toString(),
                "--state-dir", dir.resolve("state").toString(), "--http-port", "0", "--corpus", file.toString(), "--exit-when-idle",
                "--export", export.toString(), "--idle-timeout", "120");

        assertThat(r.code()).as("exit code; err: %s", r.err()).isZero();
        assertThat(r.out()).contains("published 4 records", "idle: everything published is processed");
        for (String topic : TopicExport.TOPICS) {
            assertThat(export.resolve(topic + ".jsonl")).exists();
        }
        List<String> dlq = Files.readAllLines(export.resolve("articles.dlq.jsonl"));
        assertThat(dlq).hasSize(2);
        List<JsonNode> dead = dlq.stream().map(l -> Json.read(l, JsonNode.class)).toList();
        assertThat(dead).extracting(n -> n.at("/headers/attache.reject.reason").asText())
                .containsExactlyInAnyOrder("INVALID_JSON", "BINARY");
        JsonNode binary = dead.stream().filter(n -> n.at("/headers/attache.reject.reason").asText().equals("BINARY"))
                .findFirst().orElseThrow();
        assertThat(binary.get("value_encoding").asText()).isEqualTo("base64");
        assertThat(binary.get("value").asText()).isEqualTo("/v0BAg==");
        assertThat(binary.at("/headers/__streams.errors.topic").asText()).isEqualTo("articles.raw");
    }
}
