package io.attache.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.config.AttacheConfig;
import io.attache.json.Json;
import io.attache.pipeline.ArticleIntake;
import io.attache.pipeline.StreamsSettings;
import io.attache.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a JSON Lines corpus to {@code articles.raw}, one record a line, unchanged byte for byte
 * (so that broken lines reach the pipeline, and its DLQ, as they are), keyed by the line's
 * {@code id} when it has one, through an idempotent producer. The records go in publication order
 * to one partition: partitions are processed in no set order relative to each other, and a corpus
 * fed at once should raise its alerts in the order the news came out (the tables do not depend on
 * it; the alerts do).
 */
final class CorpusPublisher {

    private CorpusPublisher() {
    }

    /** @return the number of records published */
    static int publish(AttacheConfig config, Path corpus) throws IOException {
        List<byte[]> lines = lines(Files.readAllBytes(corpus));
        Properties p = Clients.properties(config);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_REQUEST_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        String topic = new Topics(config.topicPrefix()).name(Topics.ARTICLES_RAW);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            List<byte[]> ordered = lines.stream().sorted(Comparator.comparing(CorpusPublisher::published)).toList();
            for (byte[] line : ordered) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, 0, id(line), line);
                record.headers().add(ArticleIntake.INGESTED_AT_HEADER,
                        Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish " + corpus + " to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + corpus, e);
        }
        return lines.size();
    }

    /** Splits on LF at byte level, dropping a CR before it and blank lines; bytes stay as they are. */
    static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                byte[] line = Arrays.copyOfRange(content, start, end);
                if (!new String(line, StandardCharsets.ISO_8859_1).isBlank()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** The line's {@code published_at}, or "" for a line without one (those go first, as sent). */
    private static String published(byte[] line) {
        try {
            JsonNode p = Json.MAPPER.readTree(line).get("published_at");
            return p != null && p.isTextual() ? p.asText() : "";
        } catch (IOException | RuntimeException notAJsonObject) {
            return "";
        }
    }

    private static String id(byte[] line) {
        try {
            JsonNode id = Json.MAPPER.readTree(line).get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException | RuntimeException notAJsonObject) {
            return null;
        }
    }
}
