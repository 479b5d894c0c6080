package io.attache.testing;

import io.attache.config.AttacheConfig;
import io.attache.config.Setting;
import io.attache.pipeline.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Configs, producers and consumers for tests against a {@link TestBroker}. */
public final class TestClients {

    private TestClients() {
    }

    /** A config of its own topic prefix and application id, so tests sharing a broker do not meet. */
    public static AttacheConfig config(TestBroker broker, String name, Path stateDir) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        flags.put(Setting.TOPIC_PREFIX, name + ".");
        flags.put(Setting.APPLICATION_ID, name);
        flags.put(Setting.STATE_DIR, stateDir.toString());
        return AttacheConfig.resolve(flags, Map.of(), new Properties());
    }

    public static KafkaProducer<String, byte[]> producer(TestBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_REQUEST_BYTES);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A read_committed consumer subscribed to {@code topic} from its beginning. */
    public static KafkaConsumer<byte[], byte[]> consumer(TestBroker broker, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    /** Polls until {@code done} holds for everything read so far, or fails after {@code timeout}. */
    public static List<ConsumerRecord<byte[], byte[]>> readUntil(KafkaConsumer<byte[], byte[]> consumer,
            Duration timeout, Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(read)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout.toSeconds() + " s only " + read.size() + " records read");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        }
        return read;
    }
}
