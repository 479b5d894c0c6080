package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.topics.Topics;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams properties of one attache instance, derived from its {@link AttacheConfig}. */
public final class StreamsSettings {

    /**
     * Producer request bound: a DLQ record carries an input record of up to 8 MiB (the
     * {@code max.message.bytes} of articles.raw) plus headers with the exception's stack trace.
     */
    public static final int MAX_REQUEST_BYTES = 9 * 1024 * 1024;

    private StreamsSettings() {
    }

    public static Properties of(AttacheConfig config) {
        Topics topics = new Topics(config.topicPrefix());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // The events store restores from events.canonical (compacted, written by this app) instead of
        // writing every canonical version a second time to a changelog of its own.
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        if (!config.applicationServer().isBlank()) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
        }
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_BYTES);
        // lz4: a fraction of zstd's CPU on the stream thread (compression runs there), and the codec of the
        // topics the app writes, so the broker stores batches as they come instead of recompressing them
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Also under at_least_once: never read what an aborted transaction of another producer wrote.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.name(Topics.ARTICLES_DLQ));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // The partition assignor rebuilds a StreamsConfig from the main consumer's configs only, and
        // would warn at every start that the setting above is off.
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(BoundedRocksDb.CACHE_MB_CONFIG, Integer.toString(config.rocksdbCacheMb()));
        // Pass-through last: an operator's explicit Kafka property wins over attache's choice.
        p.putAll(config.kafka());
        return p;
    }
}
