package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private static Properties settings(Map<String, String> env) {
        return StreamsSettings.of(AttacheConfig.resolve(Map.of(), env, new Properties()));
    }

    @Test
    @DisplayName("Defaults: exactly_once_v2, explicit naming enforced, read_committed, DLQ under the prefix with attache's handlers, room for 8 MiB DLQ records")
    void defaults() {
        Properties p = settings(Map.of("ATTACHE_TOPIC_PREFIX", "prod.", "ATTACHE_ROCKSDB_CACHE_MB", "32",
                "ATTACHE_BOOTSTRAP_SERVERS", "kafka-1:9092"));

        assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry("consumer.isolation.level", "read_committed")
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "prod.articles.dlq")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingDeserializationHandler.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class)
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class)
                .containsEntry(BoundedRocksDb.CACHE_MB_CONFIG, "32")
                .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
        assertThat((Integer) p.get("producer.max.request.size")).isGreaterThan(8 * 1024 * 1024);
        assertThat(new StreamsConfig(p).getString(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("attache");
    }

    @Test
    @DisplayName("Kafka pass-through properties win over attache's own choices")
    void passThroughWins() {
        Properties p = settings(Map.of("ATTACHE_KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                "ATTACHE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "ATTACHE_APPLICATION_SERVER", "host-a:8080"));

        assertThat(p).containsEntry("processing.guarantee", "at_least_once")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "host-a:8080");
    }

    @Test
    @DisplayName("The whole topology builds under enforced explicit naming and reads articles.raw through the named intake")
    void topologyNamesEverything() {
        AttacheConfig config = AttacheConfig.resolve(Map.of(), Map.of("ATTACHE_BOOTSTRAP_SERVERS", "x:1"), new Properties());
        Properties props = StreamsSettings.of(config);

        Topology topology = AttacheTopology.build(config, article -> List.of(), props);

        String description = topology.describe().toString();
        assertThat(description).contains("Source: articles-raw-source (topics: [articles.raw])", "articles-fill-times");
    }
}
