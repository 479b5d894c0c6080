package io.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.json.Json;
import io.attache.pipeline.AttacheApp;
import io.attache.pipeline.Rejections;
import io.attache.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A flood of malformed records interleaved with good articles, on a real broker. */
@DisplayName("Bad input flood")
class BadInputFloodTest {

    private static final int EACH = 1000;
    private static final int MAX_ARTICLE_BYTES = 16 * 1024;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ClassBroker broker = new ClassBroker();

    /** Seven ways to break the article contract, by index. */
    private static byte[] malformed(int i) {
        String s = switch (i % 7) {
            case 0 -> "{\"id\": \"broken-" + i + "\", \"text\": \"cut off";
            case 1 -> "{\"id\": \"no-text-" + i + "\", \"title\": \"A headline only\"}";
            case 2 -> "{\"id\": \"typed-" + i + "\", \"text\": " + i + "}";
            case 3 -> "{\"id\": \"dated-" + i + "\", \"text\": \"Talks went on.\", \"published_at\": \"last week\"}";
            case 4 -> "   ";
            case 5 -> "x".repeat(MAX_ARTICLE_BYTES + 1 + i);
            default -> null;
        };
        return s != null ? s.getBytes(StandardCharsets.UTF_8) : new byte[] {0x00, (byte) 0xff, (byte) i, 0x1b, 0x7f};
    }

    @Test
    @DisplayName("1,000 malformed records reach the DLQ with reasons, 1,000 good ones are processed, no thread dies")
    void flood() throws Exception {
        TestCluster cluster = broker.cluster();
        AttacheConfig base = cluster.app("flood", dir.resolve("state"));
        AttacheConfig config = new AttacheConfig(base.bootstrapServers(), base.applicationId(), base.topicPrefix(),
                base.stateDir(), base.dataDir(), base.processingGuarantee(), base.streamThreads(),
                base.standbyReplicas(), MAX_ARTICLE_BYTES, base.alertHorizonDays(), base.httpPort(),
                base.applicationServer(), base.apiToken(), base.rocksdbCacheMb(), base.kafka());
        Topics topics = new Topics(config.topicPrefix());
        List<SyntheticNews.Story> good = new SyntheticNews(3, LocalDate.of(2026, 2, 2)).next(EACH);
        KnownMentions extractor = new KnownMentions().add(good);

        try (AttacheApp app = new AttacheApp(config, extractor).start(Duration.ofMinutes(2))) {
            Set<String> threadsBefore = threadNames(app.streams());
            try (KafkaProducer<String, byte[]> producer = cluster.producer()) {
                for (int i = 0; i < EACH; i++) {
                    producer.send(new ProducerRecord<>(topics.name(Topics.ARTICLES_RAW), "bad-" + i, malformed(i)));
                    TestCluster.sendArticle(producer, config, good.get(i));
                }
            }
            cluster.awaitInputCommitted(config);

            // Committed input offsets can become visible a moment before the transaction markers reach the
            // DLQ partition, so read it until it holds everything or a deadline passes.
            List<ConsumerRecord<String, byte[]>> dlq = cluster.read(topics.name(Topics.ARTICLES_DLQ));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (dlq.size() < EACH && System.nanoTime() < deadline) {
                dlq = cluster.read(topics.name(Topics.ARTICLES_DLQ));
            }
            Map<String, Long> reasons = dlq.stream().collect(Collectors.groupingBy(
                    r -> header(r, Rejections.REASON_HEADER), TreeMap::new, Collectors.counting()));
            Set<String> processed = mentionedArticles(topics);
            while (processed.size() < EACH && System.nanoTime() < deadline) {
                processed = mentionedArticles(topics);
            }
            Set<String> threadsAfter = threadNames(app.streams());
            System.out.printf("bad input flood: %d malformed + %d good sent; %d in the DLQ %s; %d processed to "
                    + "events.mentions; state %s; stream threads %s -> %s%n", EACH, EACH, dlq.size(), reasons,
                    processed.size(), app.streams().state(), threadsBefore, threadsAfter);

            assertThat(dlq).hasSize(EACH);
            assertThat(dlq).allSatisfy(r -> assertThat(r.key()).startsWith("bad-"));
            assertThat(reasons).doesNotContainKey("").hasSize(7);
            assertThat(processed).isEqualTo(good.stream().map(s -> s.article().id()).collect(Collectors.toSet()));
            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(threadsAfter).isEqualTo(threadsBefore);
        }
    }

    private Set<String> mentionedArticles(Topics topics) {
        return broker.cluster().read(topics.name(Topics.EVENTS_MENTIONS)).stream()
                .map(r -> Json.read(r.value(), EventMention.class).articleId()).collect(Collectors.toSet());
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Set<String> threadNames(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

}
