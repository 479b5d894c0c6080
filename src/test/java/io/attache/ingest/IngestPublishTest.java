package io.attache.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.broker.EmbeddedKafka;
import io.attache.cli.AttacheCli;
import io.attache.topics.Topics;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attache ingest} against a real (embedded KRaft) broker. */
class IngestPublishTest {

    @TempDir
    static Path tmp;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("it." + Topics.ARTICLES_RAW, 3, (short) 1),
                    new NewTopic("feed." + Topics.ARTICLES_RAW, 1, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @DisplayName("ingesting 1,000 files with three broken ones publishes 997 keyed records with source and ingested_at headers and exits 3")
    void thousandFiles() throws Exception {
        Path dir = ArticleReaderTest.thousandFilesWithThreeBroken(tmp.resolve("articles"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AttacheCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long before = System.currentTimeMillis();

        int exit = cli.execute("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", "it.",
                "--recursive", dir.toString());

        long after = System.currentTimeMillis();
        assertThat(exit).isEqualTo(3);
        assertThat(out.toString().strip()).isEqualTo(
                "ingest: read 1000, published 997, skipped 0 duplicates, rejected 3 (BINARY 1, EMPTY 1, INVALID_JSON 1)");
        assertThat(err.toString()).contains("rejected " + dir.resolve("sub/broken.jsonl") + ":1: INVALID_JSON",
                "rejected " + dir.resolve("photo.txt") + ":1: BINARY", "rejected " + dir.resolve("empty.jsonl") + ":1: EMPTY");

        List<ConsumerRecord<String, byte[]>> records = consume("it." + Topics.ARTICLES_RAW, 997);
        assertThat(records).hasSize(997);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(997);
        ArticleContract contract = new ArticleContract(1 << 20);
        for (ConsumerRecord<String, byte[]> r : records) {
            Article a = contract.parse(r.value());
            assertThat(a.id()).isEqualTo(r.key());
            assertThat(header(r, ArticlePublisher.HEADER_SOURCE)).isNotBlank();
            assertThat(Long.parseLong(header(r, ArticlePublisher.HEADER_INGESTED_AT))).isBetween(before, after);
        }
        Set<String> sources = records.stream().map(r -> header(r, ArticlePublisher.HEADER_SOURCE)).collect(Collectors.toSet());
        assertThat(sources).contains("Test Wire", "example.org");
        assertThat(sources).anyMatch(s -> s.endsWith(".txt"));
    }

    @Test
    @DisplayName("a feed ingested twice publishes each item once: the seen-set survives the restart")
    void feedAcrossRestarts() throws Exception {
        String longText = "The foreign minister arrived in the capital for two days of talks. ".repeat(10);
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Feed Wire</title><link>http://127.0.0.1/</link><description>d</description>"
                + "<item><guid>f1</guid><title>One</title><link>https://feed.example/1</link>"
                + "<content:encoded><![CDATA[<p>" + longText + "1</p>]]></content:encoded></item>"
                + "<item><guid>f2</guid><title>Two</title><link>https://feed.example/2</link>"
                + "<content:encoded><![CDATA[<p>" + longText + "2</p>]]></content:encoded></item></channel></rss>";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", ex -> {
            byte[] b = rss.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String feed = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            String[] args = {"ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", "feed.",
                "--state-dir", tmp.resolve("state").toString(), "--feed", feed};
            StringWriter first = new StringWriter();
            assertThat(AttacheCli.commandLine().setOut(new PrintWriter(first, true)).execute(args)).isZero();
            StringWriter second = new StringWriter();
            assertThat(AttacheCli.commandLine().setOut(new PrintWriter(second, true)).execute(args)).isZero();

            assertThat(first.toString().strip()).isEqualTo("ingest: read 2, published 2, skipped 0 duplicates, rejected 0");
            assertThat(second.toString().strip()).isEqualTo("ingest: read 0, published 0, skipped 0 duplicates, rejected 0");
            List<ConsumerRecord<String, byte[]>> records = consume("feed." + Topics.ARTICLES_RAW, 2);
            assertThat(records).hasSize(2);
            assertThat(records).allSatisfy(r -> assertThat(header(r, ArticlePublisher.HEADER_SOURCE)).isEqualTo("Feed Wire"));
        } finally {
            server.stop(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // one more poll: anything beyond the expected count would be a bug
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }
}
