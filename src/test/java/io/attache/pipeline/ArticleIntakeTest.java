package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.ingest.Article;
import io.attache.json.JsonSerde;
import io.attache.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The intake on TopologyTestDriver. TTD 4.3.1 calls the exception handlers but does not expose the
 * dead-letter records they return, so the DLQ record itself is tested in {@link RejectionHandlersTest}
 * and end to end on a broker in {@code PipelineContract}.
 */
class ArticleIntakeTest {

    private static final String PREFIX = "t.";
    private static final Instant T0 = Instant.parse("2026-03-02T10:15:30Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Article> accepted;

    @BeforeAll
    static void meters() {
        Metrics.addRegistry(new SimpleMeterRegistry());
    }

    @BeforeEach
    void start() {
        AttacheConfig config = AttacheConfig.resolve(Map.of(), Map.of("ATTACHE_TOPIC_PREFIX", PREFIX,
                "ATTACHE_BOOTSTRAP_SERVERS", "unused:9092", "ATTACHE_MAX_ARTICLE_BYTES", "2048"), new Properties());
        Topics topics = new Topics(PREFIX);
        Properties props = StreamsSettings.of(config);
        StreamsBuilder builder = new StreamsBuilder();
        ArticleIntake.addTo(builder, topics, config).to("accepted",
                Produced.with(Serdes.String(), JsonSerde.serdeFor(Article.class)).withName("accepted-sink"));
        driver = new TopologyTestDriver(builder.build(props), props);
        raw = driver.createInputTopic(topics.name(Topics.ARTICLES_RAW), new StringSerializer(), new ByteArraySerializer());
        accepted = driver.createOutputTopic("accepted", new StringDeserializer(),
                JsonSerde.serdeFor(Article.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String key, byte[] value, Headers headers) {
        raw.pipeInput(new TestRecord<>(key, value, headers, T0));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("An article without dates gets published_at from the record time and ingested_at from the producer's header")
    void fillsTimes() {
        Headers headers = new RecordHeaders().add(ArticleIntake.INGESTED_AT_HEADER, utf8("1767225600000"));
        send("a1", utf8("{\"id\":\"a1\",\"text\":\"The premier of Ruritania arrived in Osterlich.\"}"), headers);

        Article a = accepted.readValue();
        assertThat(a.publishedAt()).isEqualTo("2026-03-02T10:15:30Z");
        assertThat(a.ingestedAt()).isEqualTo(1767225600000L);
    }

    @Test
    @DisplayName("An article's own published_at is kept, and ingested_at falls back to the record time without a header")
    void keepsGivenDate() {
        send("a2", utf8("{\"text\":\"Talks in Zenda ended without a deal.\",\"published_at\":\"2025-12-01\"}"),
                new RecordHeaders());

        Article a = accepted.readValue();
        assertThat(a.publishedAt()).isEqualTo("2025-12-01");
        assertThat(a.ingestedAt()).isEqualTo(T0.toEpochMilli());
        assertThat(a.id()).startsWith("a-");
    }

    @Test
    @DisplayName("Plain UTF-8 text is accepted as an article")
    void plainText() {
        send(null, utf8("A plain wire report about a state visit to Genovia."), new RecordHeaders());

        assertThat(accepted.readValue().text()).isEqualTo("A plain wire report about a state visit to Genovia.");
    }

    @Test
    @DisplayName("Oversized, binary, empty, wrongly typed and invalid records are counted by reason, and a later good record still passes")
    void rejectsThenGood() {
        Map<String, Double> before = Map.of("TOO_LARGE", count("TOO_LARGE"), "BINARY", count("BINARY"),
                "EMPTY", count("EMPTY"), "WRONG_TYPE", count("WRONG_TYPE"), "INVALID_JSON", count("INVALID_JSON"));
        send("big", utf8("x".repeat(3000)), new RecordHeaders());
        send("bin", new byte[] {0x00, (byte) 0xff, 0x10, 0x7f}, new RecordHeaders());
        send("empty", new byte[0], new RecordHeaders());
        send("typed", utf8("{\"text\":[\"not\",\"a\",\"string\"]}"), new RecordHeaders());
        send("broken", utf8("{\"text\": \"no closing brace\""), new RecordHeaders());
        send("good", utf8("The chancellor received her counterpart in Bergen."), new RecordHeaders());

        assertThat(accepted.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good");
        before.forEach((reason, n) -> assertThat(count(reason)).as(reason).isEqualTo(n + 1));
    }

    private static double count(String reason) {
        Counter c = Metrics.globalRegistry.find(Rejections.COUNTER).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }
}
