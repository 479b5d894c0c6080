package io.attache.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.testing.EmbeddedTestBroker;
import io.attache.testing.Eventually;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of("bootstrap.servers", EmbeddedTestBroker.shared().bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    @DisplayName("apply creates every declared topic under the prefix once, capping replication at the single broker and saying so")
    void applyIsIdempotent() throws Exception {
        TopicAdmin topics = new TopicAdmin(admin, new Topics("apply1."));

        TopicAdmin.Report first = topics.apply();
        TopicAdmin.Report second = topics.apply();

        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(
                TopicDeclarations.all().stream().map(t -> "apply1." + t.name()).toList());
        assertThat(first.drift()).isEmpty();
        assertThat(first.notes()).anySatisfy(n -> assertThat(n).contains("apply1.articles.raw")
                .contains("replication factor 1").contains("1 broker(s)"));
        assertThat(second.created()).isEmpty();
        assertThat(second.drift()).isEmpty();
        assertThat(topics.check().inStep()).isTrue();
        var raw = admin.describeTopics(List.of("apply1.articles.raw")).allTopicNames().get().get("apply1.articles.raw");
        assertThat(raw.partitions()).hasSize(6);
        Collection<ConfigEntry> configs = admin.describeConfigs(List.of(topic("apply1.articles.raw"))).all().get()
                .get(topic("apply1.articles.raw")).entries();
        assertThat(configs).anySatisfy(e -> assertThat(e.name() + "=" + e.value()).isEqualTo("max.message.bytes=8388608"));
        assertThat(configs).anySatisfy(e -> assertThat(e.name() + "=" + e.value()).isEqualTo("min.insync.replicas=1"));
    }

    @Test
    @DisplayName("check reports missing topics, too few partitions and changed configs as drift, and apply leaves the data alone")
    void drift() throws Exception {
        admin.createTopics(List.of(new NewTopic("drift1.alerts", 1, (short) 1))).all().get();
        TopicAdmin topics = new TopicAdmin(admin, new Topics("drift1."));

        TopicAdmin.Report before = topics.check();
        assertThat(before.drift()).anySatisfy(d -> assertThat(d.toString())
                .isEqualTo("drift1.events.canonical: existence declared present, cluster has missing"));

        topics.apply();
        admin.incrementalAlterConfigs(Map.of(topic("drift1.events.canonical"), List.of(new AlterConfigOp(
                new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get();

        // The altered config reaches the broker's view shortly after the controller accepts it.
        Eventually.holds("check sees the altered cleanup.policy", Duration.ofSeconds(30), () -> topics.check().drift()
                .stream().anyMatch(d -> d.toString().equals(
                        "drift1.events.canonical: cleanup.policy declared compact, cluster has delete")));
        assertThat(topics.check().drift()).extracting(TopicAdmin.Drift::toString)
                .contains("drift1.alerts: partitions declared 3, cluster has 1")
                .noneMatch(d -> d.contains("existence"));
        assertThat(admin.describeTopics(List.of("drift1.alerts")).allTopicNames().get().get("drift1.alerts")
                .partitions()).as("apply never changes an existing topic").hasSize(1);
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
