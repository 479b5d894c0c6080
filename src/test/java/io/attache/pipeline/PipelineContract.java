package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Extractor;
import io.attache.extract.Principal;
import io.attache.ingest.Article;
import io.attache.json.Json;
import io.attache.testing.TestBroker;
import io.attache.testing.TestClients;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline end to end on a real broker: produce to articles.raw, process, consume the outputs.
 * Each backend (embedded broker, container) runs this same body through a subclass.
 */
abstract class PipelineContract {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** One mention per article; a processor failure on an article whose text asks for it. */
    static final Extractor EXTRACTOR = article -> {
        if (article.text().contains("POISON-PILL")) {
            throw new IllegalStateException("extractor cannot read article " + article.id());
        }
        Principal envoy = new Principal("envoy-" + article.id(), "Envoy " + article.id(), "XR", "envoy", false);
        return List.of(new EventMention(article.id(), EventType.VISIT, EventStatus.PLANNED, envoy, List.of(envoy), "XO",
                null, null, null, null, null, 1.0, article.publishedAt(), article.source(), article.url(), null,
                null, article.ingestedAt()));
    };

    abstract TestBroker broker();

    @TempDir
    Path stateDir;

    @Test
    @DisplayName("Good articles around a poison record, invalid JSON, a binary record and a 5 MiB record are processed; the bad ones land in the DLQ with reasons and the app keeps running")
    void endToEnd() throws Exception {
        AttacheConfig config = TestClients.config(broker(), "e2e" + RUN.incrementAndGet() + "-" + getClass().getSimpleName()
                .toLowerCase(), stateDir);
        Topics topics = new Topics(config.topicPrefix());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker().bootstrapServers()))) {
            assertThat(new TopicAdmin(admin, topics).apply().created()).hasSize(8);
        }
        byte[] invalidJson = utf8("{\"id\":\"broken\",\"text\":\"cut off");
        byte[] binary = {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, 0x00};
        byte[] huge = utf8("{\"id\":\"huge\",\"text\":\"" + "y".repeat(5 * 1024 * 1024) + "\"}");
        byte[] poison = utf8("{\"id\":\"poison\",\"text\":\"POISON-PILL in an otherwise valid article\"}");

        try (AttacheApp app = new AttacheApp(config, EXTRACTOR).start(TIMEOUT);
                KafkaProducer<String, byte[]> producer = TestClients.producer(broker())) {
            String raw = topics.name(Topics.ARTICLES_RAW);
            // One key: one partition, so "after the poison" means after it in processing order.
            for (byte[] value : List.of(article("first"), invalidJson, poison, binary, huge, article("second"))) {
                producer.send(new ProducerRecord<>(raw, "same-key", value)).get();
            }

            try (KafkaConsumer<byte[], byte[]> mentions = TestClients.consumer(broker(), topics.name(Topics.EVENTS_MENTIONS))) {
                List<String> ids = TestClients.readUntil(mentions, TIMEOUT, r -> r.size() >= 2).stream()
                        .map(r -> Json.read(r.value(), EventMention.class).articleId()).toList();
                assertThat(ids).containsExactly("first", "second");
            }
            List<ConsumerRecord<byte[], byte[]>> dead;
            try (KafkaConsumer<byte[], byte[]> dlq = TestClients.consumer(broker(), topics.name(Topics.ARTICLES_DLQ))) {
                dead = TestClients.readUntil(dlq, TIMEOUT, r -> r.size() >= 4);
            }
            Map<String, ConsumerRecord<byte[], byte[]>> byReason = dead.stream()
                    .collect(Collectors.toMap(r -> header(r, Rejections.REASON_HEADER), r -> r));
            assertThat(byReason).containsOnlyKeys("INVALID_JSON", "PROCESSING_ERROR", "BINARY", "TOO_LARGE");
            assertThat(byReason.get("INVALID_JSON").value()).isEqualTo(invalidJson);
            assertThat(byReason.get("PROCESSING_ERROR").value()).isEqualTo(poison);
            assertThat(byReason.get("BINARY").value()).isEqualTo(binary);
            assertThat(byReason.get("TOO_LARGE").value()).isEqualTo(huge);
            for (ConsumerRecord<byte[], byte[]> r : dead) {
                assertThat(header(r, "__streams.errors.topic")).isEqualTo(raw);
                assertThat(header(r, "__streams.errors.offset")).isNotBlank();
                assertThat(header(r, "__streams.errors.exception")).isNotBlank();
                assertThat(r.key()).isEqualTo(utf8("same-key"));
            }

            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(app.streams().metadataForLocalThreads()).hasSize(config.streamThreads())
                    .extracting(ThreadMetadata::threadState).containsOnly("RUNNING");
        }
    }

    private static byte[] article(String id) {
        return Json.bytes(new Article(id, null, "test wire", "2026-01-05", null,
                "The envoy of Ruritania is due in Osterlich for talks, officials said (" + id + ").", "en", null));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
