package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.extract.Extractor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyNamingTest {

    @Test
    @DisplayName("Every processor and store of the topology has an explicit name and it builds with naming enforced")
    void everythingNamed(@TempDir Path dir) {
        Extractor none = article -> List.of();
        TopologyDescription d = AttacheTopology.build(AttacheConfig.defaults(), none, PipelineHarness.props(dir)).describe();

        Set<String> nodes = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        d.subtopologies().forEach(s -> s.nodes().forEach(n -> {
            nodes.add(n.name());
            if (n instanceof TopologyDescription.Processor p) {
                stores.addAll(p.stores());
            }
            if (n instanceof TopologyDescription.Source src) {
                sources.addAll(src.topicSet());
            }
        }));
        assertThat(nodes).noneMatch(n -> n.matches("(?i).*(KSTREAM|KTABLE)-.*-\\d+"));
        assertThat(stores).containsExactlyInAnyOrder("article-dedup-store", "canonical-mention-store",
                "leader-activity-groups-store", "leader-activity-events-store", "leader-activity-timeline-store", "leader-activity-store",
                "dyad-groups-store", "dyad-events-store", "dyad-timeline-store", "dyad-store", "events-canonical-store");
        assertThat(sources).containsExactlyInAnyOrder("articles.raw", "events.mentions", "events.canonical",
                "leader-activity-by-group-repartition", "dyad-by-group-repartition");
    }
}
