package io.attache.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attache.config.AttacheConfig;
import io.attache.json.Json;
import io.attache.topics.TopicDeclarations;
import io.attache.topics.TopicSpec;
import io.attache.topics.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Writes the committed content of output topics to {@code DIR/<topic>.jsonl}: one JSON value a
 * line; a compacted topic reduced to the latest value per key (a tombstone removes its key); the DLQ
 * as one JSON object per record with its headers and its value as text (base64 if not UTF-8).
 */
final class TopicExport {

    /** The topics {@code demo --export} writes, unprefixed. */
    static final List<String> TOPICS = List.of(Topics.EVENTS_MENTIONS, Topics.EVENTS_CANONICAL, Topics.ALERTS,
            Topics.LEADERS_ACTIVITY, Topics.RELATIONS_DYADS, Topics.ARTICLES_DLQ);

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private TopicExport() {
    }

    /** @return lines written per file name */
    static Map<String, Integer> export(AttacheConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        Topics topics = new Topics(config.topicPrefix());
        Map<String, Integer> written = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            for (String logical : TOPICS) {
                String name = topics.name(logical);
                List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, name);
                boolean compacted = TopicDeclarations.find(logical).map(TopicSpec::cleanupPolicy)
                        .filter(p -> p.contains("compact")).isPresent();
                Collection<String> lines = logical.equals(Topics.ARTICLES_DLQ) ? deadLetters(records)
                        : compacted ? latestPerKey(records) : values(records);
                Path file = dir.resolve(name + ".jsonl");
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (String line : lines) {
                        w.write(line);
                        w.write('\n');
                    }
                }
                written.put(file.getFileName().toString(), lines.size());
            }
        }
        return written;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(AttacheConfig config) {
        Properties p = Clients.properties(config);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every committed record of the topic, partition by partition, up to the end offsets of now. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).sorted(
                        Comparator.comparingInt(TopicPartition::partition)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
            }
            consumer.poll(POLL).forEach(records::add);
        }
        records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().filter(r -> r.value() != null).map(r -> jsonLine(r.value())).toList();
    }

    private static Collection<String> latestPerKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<ByteBuffer, String> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            ByteBuffer key = ByteBuffer.wrap(r.key() == null ? new byte[0] : r.key());
            latest.remove(key);
            if (r.value() != null) {
                latest.put(key, jsonLine(r.value()));
            }
        }
        return latest.values();
    }

    private static List<String> deadLetters(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> lines = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("partition", r.partition());
            o.put("offset", r.offset());
            o.put("timestamp", r.timestamp());
            o.put("key", r.key() == null ? null : text(r.key()));
            ObjectNode headers = o.putObject("headers");
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : text(h.value()));
            }
            boolean utf8 = r.value() != null && isUtf8(r.value());
            o.put("value_encoding", utf8 ? "utf-8" : "base64");
            o.put("value", r.value() == null ? null : utf8 ? new String(r.value(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(r.value()));
            lines.add(Json.write(o));
        }
        return lines;
    }

    private static String jsonLine(byte[] value) {
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            return Json.write(node);
        } catch (IOException notJson) {
            return Json.write(text(value));
        }
    }

    private static String text(byte[] bytes) {
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
