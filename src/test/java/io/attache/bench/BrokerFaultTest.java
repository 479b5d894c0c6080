package io.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.pipeline.AttacheApp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker goes away for 20 s in the middle of a run and comes back on the same data and port. */
@DisplayName("Broker outage")
class BrokerFaultTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    @DisplayName("after a 20 s broker outage the app recovers by itself and its output equals an undisturbed run's")
    void outage() throws Exception {
        long t0 = System.nanoTime();
        List<SyntheticNews.Story> stories = new SyntheticNews(11, LocalDate.of(2026, 4, 6)).next(400);
        KnownMentions extractor = new KnownMentions().add(stories);
        Path data = dir.resolve("broker");
        EmbeddedKafka broker = EmbeddedKafka.start(data);
        int port = URI.create("kafka://" + broker.bootstrapServers()).getPort();
        TestCluster cluster = new TestCluster(broker);
        try {
            AttacheConfig reference = cluster.app("undisturbed", dir.resolve("undisturbed-state"));
            try (KafkaProducer<String, byte[]> producer = cluster.producer()) {
                stories.forEach(s -> TestCluster.sendArticleByEvent(producer, reference, s));
            }
            try (AttacheApp app = new AttacheApp(reference, extractor).start(Duration.ofMinutes(2))) {
                cluster.awaitDrained(reference, () -> healthy(app));
            }
            TestCluster.Outcome expected = cluster.outcome(reference);

            AttacheConfig config = cluster.app("outage", dir.resolve("outage-state"));
            TestCluster.Outcome found;
            try (AttacheApp app = new AttacheApp(config, extractor).start(Duration.ofMinutes(2))) {
                Thread publisher = cluster.publishAtRate(config, stories, 20);
                TimeUnit.SECONDS.sleep(6);
                broker.close();
                // The outage itself: nothing to poll for, the broker is simply away this long.
                TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
                broker = EmbeddedKafka.start(data, port);
                publisher.join();
                cluster.awaitDrained(config, () -> healthy(app));
                assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
            found = cluster.outcome(config);
            TestCluster.AlertComparison c = TestCluster.AlertComparison.of(expected.alerts(), found.alerts());
            System.out.printf("broker outage: %d articles, broker down %d s; %s; alerts %s; %.0f s%n", stories.size(),
                    OUTAGE.toSeconds(), found.sizesAgainst(expected), c, (System.nanoTime() - t0) / 1e9);
            found.assertSameTablesAs(expected);
            assertThat(c.exact()).as("every alert exactly once: %s", c).isTrue();
        } finally {
            broker.close();
        }
    }

    private static boolean healthy(AttacheApp app) {
        KafkaStreams.State s = app.streams().state();
        return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.NOT_RUNNING;
    }
}
