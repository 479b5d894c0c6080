package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.config.AttacheConfig;
import io.attache.ingest.Article;
import io.attache.json.Json;
import io.attache.testing.EmbeddedTestBroker;
import io.attache.testing.TestBroker;
import io.attache.testing.TestClients;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Restarting the app on the embedded broker")
class RestartAlertsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** Twenty destinations, so twenty distinct visits by the marker extractor's default traveller. */
    private static final List<String> HOSTS = List.of("AR", "BE", "CL", "DK", "EG", "FI", "GH", "HU", "IS", "JO",
            "KE", "LV", "MA", "NO", "OM", "PE", "QA", "RW", "SE", "TN");

    @TempDir
    Path stateDir;

    @Test
    @DisplayName("Stopping the app mid-stream and starting it again loses no alert and duplicates none, also when articles are redelivered")
    void restartMidStream() throws Exception {
        TestBroker broker = EmbeddedTestBroker.shared();
        AttacheConfig config = TestClients.config(broker, "restart", stateDir);
        Topics topics = new Topics(config.topicPrefix());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            new TopicAdmin(admin, topics).apply();
        }
        List<Article> planned = new ArrayList<>();
        List<Article> completed = new ArrayList<>();
        for (String host : HOSTS) {
            planned.add(article("plan-" + host, "2026-02-10", "The prime minister will travel to " + host
                    + " next month, her office said. [VISIT " + host + " PLANNED 2026-03]"));
            completed.add(article("done-" + host, "2026-03-20", "The prime minister flew home from " + host
                    + " after three days of talks. [VISIT " + host + " COMPLETED 2026-03]"));
        }

        try (KafkaProducer<String, byte[]> producer = TestClients.producer(broker);
                KafkaConsumer<byte[], byte[]> alerts = TestClients.consumer(broker, topics.name(Topics.ALERTS))) {
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            try (AttacheApp app = new AttacheApp(config, new MarkerExtractor()).start(TIMEOUT)) {
                send(producer, topics, planned);
                read.addAll(TestClients.readUntil(alerts, TIMEOUT, r -> r.size() >= 5));
            }
            // While the app is down: the rest of the story, and five articles delivered a second time.
            send(producer, topics, completed);
            send(producer, topics, planned.subList(0, 5));
            try (AttacheApp again = new AttacheApp(config, new MarkerExtractor()).start(TIMEOUT)) {
                read.addAll(TestClients.readUntil(alerts, TIMEOUT, r -> read.size() + r.size() >= 40));
                // Anything beyond forty would be a duplicate: keep listening a while longer for it.
                long quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < quietUntil) {
                    alerts.poll(Duration.ofMillis(200)).forEach(read::add);
                }
            }
            List<String> identities = read.stream().map(RestartAlertsTest::identity).toList();
            assertThat(identities).doesNotHaveDuplicates().hasSize(40);
            assertThat(identities).filteredOn(i -> i.startsWith("NEW_EVENT")).hasSize(20);
            assertThat(identities).filteredOn(i -> i.startsWith("STATUS_CHANGED|PLANNED>COMPLETED")).hasSize(20);
        }
    }

    private static Article article(String id, String published, String text) {
        return new Article(id, "https://news.example/" + id, "Test Wire", published, null, text, "en", null);
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, List<Article> articles) {
        for (Article a : articles) {
            producer.send(new ProducerRecord<>(topics.name(Topics.ARTICLES_RAW), a.id(), Json.bytes(a)));
        }
        producer.flush();
    }

    private static String identity(ConsumerRecord<byte[], byte[]> r) {
        try {
            JsonNode a = Json.MAPPER.readTree(r.value());
            return a.path("kind").asText() + "|" + a.path("previous_status").asText() + ">" + a.path("status").asText()
                    + "|" + a.path("event").path("host_country").asText() + "|" + a.path("article_id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
