package io.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.pipeline.AttacheApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three instances of one application on 6-partition topics, one of them stopped mid-run. */
@DisplayName("Scale-out")
class ScaleOutTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("three instances, one stopped mid-run, produce the same tables and alerts as one instance")
    void threeInstances() throws Exception {
        long t0 = System.nanoTime();
        List<SyntheticNews.Story> stories = new SyntheticNews(5, LocalDate.of(2026, 5, 4)).next(400);
        KnownMentions extractor = new KnownMentions().add(stories);
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("broker"))) {
            TestCluster cluster = new TestCluster(broker);
            AttacheConfig single = cluster.app("single", dir.resolve("single-state"));
            try (KafkaProducer<String, byte[]> producer = cluster.producer()) {
                stories.forEach(s -> TestCluster.sendArticleByEvent(producer, single, s));
            }
            try (AttacheApp app = new AttacheApp(single, extractor).start(Duration.ofMinutes(2))) {
                cluster.awaitDrained(single, () -> app.streams().state().isRunningOrRebalancing());
            }
            TestCluster.Outcome expected = cluster.outcome(single);

            AttacheConfig shared = cluster.app("three", dir.resolve("unused"));
            List<AttacheApp> apps = new ArrayList<>();
            try {
                for (String instance : List.of("a", "b", "c")) {
                    AttacheConfig c = PipelineBench.with(shared, shared.applicationId(), shared.topicPrefix(),
                            dir.resolve("three-state-" + instance));
                    apps.add(new AttacheApp(c, extractor).start(Duration.ofMinutes(2)));
                }
                Thread publisher = cluster.publishAtRate(shared, stories, 25);
                TimeUnit.SECONDS.sleep(8);
                apps.remove(1).close();
                publisher.join();
                cluster.awaitDrained(shared, () -> apps.stream().allMatch(a -> a.streams().state().isRunningOrRebalancing()));
                assertThat(apps).allSatisfy(a -> assertThat(a.streams().state()).isEqualTo(KafkaStreams.State.RUNNING));
            } finally {
                apps.forEach(AttacheApp::close);
            }
            TestCluster.Outcome found = cluster.outcome(shared);
            TestCluster.AlertComparison c = TestCluster.AlertComparison.of(expected.alerts(), found.alerts());
            System.out.printf("scale-out: %d articles, 3 instances, 1 stopped after 8 s; events %d expected / %d "
                    + "found, leaders %d / %d, dyads %d / %d; alerts %s; %.0f s%n", stories.size(),
                    expected.events().size(), found.events().size(), expected.leaders().size(),
                    found.leaders().size(), expected.dyads().size(), found.dyads().size(), c,
                    (System.nanoTime() - t0) / 1e9);
            assertThat(expected.events()).isNotEmpty();
            assertThat(found.events()).isEqualTo(expected.events());
            assertThat(found.leaders()).isEqualTo(expected.leaders());
            assertThat(found.dyads()).isEqualTo(expected.dyads());
            assertThat(c.exact()).as("every alert exactly once: %s", c).isTrue();
        }
    }
}
