package io.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.topics.Topics;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a child process ({@code attache run}) on a broker owned by the test, killed with
 * SIGKILL at seeded random points while articles keep arriving, and restarted each time: its final
 * tables must equal those of a run that was never killed, and every alert must appear exactly once.
 * Articles go to one partition of {@code articles.raw} and the child's rule extractor reads them.
 */
@DisplayName("Crash recovery under SIGKILL")
class CrashRecoveryTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ClassBroker broker = new ClassBroker();

    @Test
    @DisplayName("300 articles, killed twice: the same tables as a clean run and every alert exactly once")
    void shortVersion() throws Exception {
        crashTest("short", 300, 2, 30);
    }

    @Test
    @Tag("long")
    @DisplayName("2,000 articles, killed five times: the same tables as a clean run and every alert exactly once")
    void longVersion() throws Exception {
        crashTest("long", 2000, 5, 40);
    }

    private void crashTest(String name, int articles, int kills, double ratePerS) throws Exception {
        TestCluster cluster = broker.cluster();
        long t0 = System.nanoTime();
        List<SyntheticNews.Story> stories = new SyntheticNews(42, LocalDate.of(2026, 3, 2)).next(articles);
        Random random = new Random(7);

        AttacheConfig clean = cluster.app(name + "-clean", dir.resolve(name + "-clean-state"));
        try (KafkaProducer<String, byte[]> producer = cluster.producer()) {
            stories.forEach(s -> publish(producer, clean, s));
        }
        try (ChildApp app = ChildApp.start(clean, dir.resolve(name + "-clean.log"))) {
            app.awaitRunning();
            cluster.awaitDrained(clean, app::alive);
        }

        AttacheConfig crash = cluster.app(name + "-crash", dir.resolve(name + "-crash-state"));
        Thread publisher = new Thread(() -> {
            try (KafkaProducer<String, byte[]> producer = cluster.producer()) {
                long start = System.nanoTime();
                for (int i = 0; i < stories.size(); i++) {
                    long wait = start + (long) (i * 1e9 / ratePerS) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    publish(producer, crash, stories.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "crash-test-publisher");
        publisher.start();
        List<Long> killedAfterMs = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            try (ChildApp app = ChildApp.start(crash, dir.resolve(name + "-crash-" + k + ".log"))) {
                app.awaitRunning();
                long ms = 500 + random.nextInt(3500);
                TimeUnit.MILLISECONDS.sleep(ms);
                app.kill();
                killedAfterMs.add(ms);
            }
        }
        try (ChildApp app = ChildApp.start(crash, dir.resolve(name + "-crash-final.log"))) {
            app.awaitRunning();
            publisher.join();
            cluster.awaitDrained(crash, app::alive);
        }

        Map<String, String> expectedEvents = cluster.table(clean, Topics.EVENTS_CANONICAL);
        Map<String, String> expectedLeaders = cluster.table(clean, Topics.LEADERS_ACTIVITY);
        Map<String, String> expectedDyads = cluster.table(clean, Topics.RELATIONS_DYADS);
        Map<String, String> events = cluster.table(crash, Topics.EVENTS_CANONICAL);
        Map<String, String> leaders = cluster.table(crash, Topics.LEADERS_ACTIVITY);
        Map<String, String> dyads = cluster.table(crash, Topics.RELATIONS_DYADS);
        List<String> expectedAlerts = cluster.alertIdentities(clean);
        List<String> alerts = cluster.alertIdentities(crash);
        TestCluster.AlertComparison c = TestCluster.AlertComparison.of(expectedAlerts, alerts);
        System.out.printf("crash test %s: %d articles, SIGKILL after %s ms of RUNNING; events %d expected / %d found, "
                + "leaders %d / %d, dyads %d / %d; alerts %s; %.0f s%n", name, articles, killedAfterMs,
                expectedEvents.size(), events.size(), expectedLeaders.size(), leaders.size(), expectedDyads.size(),
                dyads.size(), c, (System.nanoTime() - t0) / 1e9);

        assertThat(killedAfterMs).hasSize(kills);
        assertThat(expectedEvents).as("the clean run produced events").isNotEmpty();
        assertThat(expectedAlerts).as("the clean run raised alerts").isNotEmpty();
        assertThat(events).as("events.canonical after crashes").isEqualTo(expectedEvents);
        assertThat(leaders).as("leaders.activity after crashes").isEqualTo(expectedLeaders);
        assertThat(dyads).as("relations.dyads after crashes").isEqualTo(expectedDyads);
        assertThat(c.exact()).as("every alert exactly once: %s", c).isTrue();
    }

    /**
     * Every article on one partition of articles.raw and its mentions found by the child's own rule
     * extractor: the order in which reports reach each event is then the same in the clean run and
     * the crashed one, so their alerts must match one for one.
     */
    private static void publish(KafkaProducer<String, byte[]> producer, AttacheConfig config, SyntheticNews.Story s) {
        TestCluster.sendArticle(producer, config, s, "crash-test");
        producer.flush();
    }
}
