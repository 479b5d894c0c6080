package io.attache.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @Test
    @DisplayName("The broker listens on loopback, keeps its data in the given directory and finds its topics again after a restart")
    void restartKeepsData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data);
                Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
        assertThat(Files.exists(data.resolve("meta.properties"))).isTrue();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(data);
                Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("kept");
        }
    }
}
