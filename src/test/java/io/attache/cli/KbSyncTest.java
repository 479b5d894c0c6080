package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.extract.Principal;
import io.attache.extract.RuleExtractor;
import io.attache.extract.kb.KbLoader;
import io.attache.extract.kb.Person;
import io.attache.extract.kb.Role;
import io.attache.ingest.Article;
import io.attache.json.Json;
import io.attache.pipeline.AttacheApp;
import io.attache.testing.EmbeddedTestBroker;
import io.attache.testing.Eventually;
import io.attache.testing.TestBroker;
import io.attache.testing.TestClients;
import io.attache.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `attache kb` against the embedded broker, and a running app picking up what it publishes. */
@DisplayName("Knowledge base on reference.leaders, embedded KRaft broker")
class KbSyncTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Person JANE = new Person("jane-example", "Jane Example", List.of(), List.of("Example"), "UY",
            List.of(new Role("President", "HEAD_OF_STATE", "UY", null, "2026-03-01", null)));

    private final TestBroker broker = EmbeddedTestBroker.shared();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private AttacheConfig config() {
        AttacheConfig config = TestClients.config(broker, "kb" + RUN.incrementAndGet(), dir.resolve("state"));
        RunCommand.applyTopics(config, new PrintWriter(new StringWriter()));
        return config;
    }

    private int kb(AttacheConfig config, String... args) {
        out.getBuffer().setLength(0);
        CommandLine cli = AttacheCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "kb";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--bootstrap-servers", config.bootstrapServers(), "--topic-prefix", config.topicPrefix()},
                0, all, args.length + 1, 4);
        return cli.execute(all);
    }

    private Path edits(String... lines) throws IOException {
        return Files.writeString(dir.resolve("edits.jsonl"), String.join("\n", lines) + "\n");
    }

    private long endOffset(AttacheConfig config) {
        TopicPartition tp = new TopicPartition(config.topicPrefix() + Topics.REFERENCE_LEADERS, 0);
        try (KafkaConsumer<byte[], byte[]> c = TestClients.consumer(broker, tp.topic())) {
            return c.endOffsets(List.of(tp)).get(tp);
        }
    }

    @Test
    @DisplayName("kb publish writes the bundled KB once; a second publish and a start of run write nothing")
    void publishIsIdempotent() {
        AttacheConfig config = config();
        int people = KbLoader.standard().people().size();

        assertThat(kb(config, "publish")).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo("kb publish: " + people + " written, 0 unchanged");
        assertThat(endOffset(config)).isEqualTo(people);

        assertThat(kb(config, "publish")).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo("kb publish: 0 written, " + people + " unchanged");
        KbPublisher.publishIfEmpty(config, new PrintWriter(out, true));
        assertThat(out.toString()).contains("already holds one; not republished");
        assertThat(endOffset(config)).isEqualTo(people);
        assertThat(KbPublisher.current(config)).hasSize(people).containsKey("yamandu-orsi");
    }

    @Test
    @DisplayName("kb put names each bad line by file and line and publishes nothing")
    void putRejectsBadLines() throws IOException {
        AttacheConfig config = config();
        Path file = edits(Json.write(JANE), "{\"id\":\"x\",", Json.write(new Person("y", "Y", null, null, "UY",
                List.of(new Role("President", "HEAD_OF_STATE", "UY", null, "soon", null)))));

        assertThat(kb(config, "put", file.toString())).isEqualTo(2);

        assertThat(err.toString()).contains(file + ":2: not a person", file + ":3: roles[0].from is not an ISO date: soon",
                "nothing published");
        assertThat(endOffset(config)).isZero();
    }

    @Test
    @DisplayName("A running app applies edits: a person put before start is known once RUNNING, a new president "
            + "put while running is extracted as a KB principal, a malformed record is skipped, a tombstone removes her")
    void runningAppPicksUpEdits() throws Exception {
        AttacheConfig config = config();
        Person before = new Person("john-sample", "John Sample", List.of(), List.of("Sample"), "PY",
                List.of(new Role("Foreign Minister", "FOREIGN_MINISTER", "PY", null, "2026-02-01", null)));
        assertThat(kb(config, "put", edits(Json.write(before)).toString())).isEqualTo(0);
        assertThat(out.toString()).contains("people published to", "kb put: 1 written, 0 unchanged");

        RuleExtractor extractor = RuleExtractor.standard();
        String leaders = config.topicPrefix() + Topics.REFERENCE_LEADERS;
        try (AttacheApp app = new AttacheApp(config, extractor).start(TIMEOUT);
                KafkaProducer<String, byte[]> producer = TestClients.producer(broker)) {
            // The global store is read to its end before RUNNING, so the edit is there without waiting.
            assertThat(extractor.knowledgeBase().person("john-sample")).isEqualTo(before);
            assertThat(extractor.knowledgeBase().person("jane-example")).isNull();

            producer.send(new ProducerRecord<>(leaders, "jane-example", "{\"id\":".getBytes(StandardCharsets.UTF_8))).get();
            assertThat(kb(config, "put", edits(Json.write(JANE)).toString())).isEqualTo(0);
            Eventually.holds("Jane Example applied", TIMEOUT, () -> JANE.equals(extractor.knowledgeBase().person("jane-example")));

            Article article = new Article("jane-trip", "https://news.example/jane-trip", "news.example", "2026-05-11", null,
                    "President Jane Example of Uruguay will travel to Madrid next week for talks on trade and fisheries "
                            + "with the Spanish government, her spokesman said on Monday.", "en", null);
            producer.send(new ProducerRecord<>(config.topicPrefix() + Topics.ARTICLES_RAW, article.id(), Json.bytes(article))).get();
            try (KafkaConsumer<byte[], byte[]> mentions = TestClients.consumer(broker, config.topicPrefix() + Topics.EVENTS_MENTIONS)) {
                List<Principal> actors = TestClients.readUntil(mentions, TIMEOUT, r -> !r.isEmpty()).stream()
                        .map(r -> Json.read(r.value(), EventMention.class).actor()).toList();
                assertThat(actors).contains(new Principal("jane-example", "Jane Example", "UY", "President", true));
            }

            assertThat(kb(config, "remove", "jane-example")).isEqualTo(0);
            assertThat(out.toString()).contains("kb remove: 1 tombstones written");
            Eventually.holds("Jane Example removed", TIMEOUT, () -> extractor.knowledgeBase().person("jane-example") == null);
            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(extractor.knowledgeBase().person("john-sample")).isEqualTo(before);
        }
        assertThat(KbPublisher.current(config)).doesNotContainKey("jane-example").containsKey("john-sample");
    }
}
