package io.attache.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the {@code alerts} topic (read_committed, so only alerts of committed transactions; no
 * consumer group, every partition assigned) and fans each alert out to live subscribers, keeping the
 * latest ones so that a client reconnecting with {@code Last-Event-ID} gets what it missed.
 *
 * <p>An alert's id is a cursor, {@code partition:offset} for every partition (the last offset
 * delivered up to and including this alert, e.g. {@code 0:41,1:17,2:-1}). Each instance reads
 * every partition in offset order, so a cursor from one instance resumes correctly on any other.
 */
public final class AlertFeed implements AutoCloseable {

    /** One alert as served: its cursor id, its place in the topic and its JSON. */
    public record Entry(String id, int partition, long offset, JsonNode alert) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(15);

    private final String topic;
    private final Map<String, Object> clientProps;
    private final int capacity;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Map<Integer, Long> delivered = new TreeMap<>();
    private final List<Consumer<Entry>> subscribers = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaClientMetrics metrics;
    private Thread thread;

    /**
     * @param clientProps Kafka client properties (cluster and security)
     * @param capacity how many of the latest alerts to keep for replay
     */
    public AlertFeed(String topic, Map<String, Object> clientProps, int capacity) {
        this.topic = topic;
        this.clientProps = Map.copyOf(clientProps);
        this.capacity = capacity;
    }

    /** Assigns every partition of the topic from {@code capacity} records before its end and starts tailing. */
    public AlertFeed start(MeterRegistry registry) {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "attache-alert-feed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            long from = Math.max(begin.get(tp), end.get(tp) - capacity);
            consumer.seek(tp, from);
            delivered.put(tp.partition(), from - 1);
        }
        metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        thread = new Thread(this::loop, "alert-feed");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** The topic's partitions, waiting a little for a topic just created to reach this client's metadata. */
    private List<TopicPartition> partitions() {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_WAIT).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist; apply the topics first");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                consumer.close();
                throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    publish(r);
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll
        } catch (RuntimeException e) {
            LOG.error("alert feed stopped: live alerts are no longer served", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void publish(ConsumerRecord<String, byte[]> r) {
        JsonNode alert = null;
        if (r.value() != null) {
            try {
                alert = Json.MAPPER.readTree(r.value());
            } catch (IOException e) {
                LOG.warn("skipping unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        synchronized (recent) {
            delivered.put(r.partition(), r.offset());
            if (alert == null) {
                return;
            }
            Entry entry = new Entry(cursor(delivered), r.partition(), r.offset(), alert);
            recent.addLast(entry);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
            // under the lock, so that a subscriber registering now sees each alert exactly once
            subscribers.forEach(s -> s.accept(entry));
        }
    }

    /**
     * Registers a subscriber and returns what it missed, oldest first: the kept alerts after the
     * cursor {@code lastEventId}, or all kept alerts when it is absent or unreadable. Registration
     * and replay happen under one lock, so no alert falls between them or arrives twice.
     */
    public List<Entry> subscribe(String lastEventId, Consumer<Entry> subscriber) {
        Map<Integer, Long> seen = parse(lastEventId);
        synchronized (recent) {
            List<Entry> missed = new ArrayList<>();
            for (Entry e : recent) {
                if (e.offset() > seen.getOrDefault(e.partition(), -1L)) {
                    missed.add(e);
                }
            }
            subscribers.add(subscriber);
            return missed;
        }
    }

    public void unsubscribe(Consumer<Entry> subscriber) {
        subscribers.remove(subscriber);
    }

    /** The kept alerts, newest last. */
    public List<Entry> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    private static String cursor(Map<Integer, Long> delivered) {
        StringBuilder s = new StringBuilder();
        delivered.forEach((partition, offset) -> s.append(s.length() == 0 ? "" : ",").append(partition).append(':').append(offset));
        return s.toString();
    }

    /** The cursor's offsets by partition; empty when absent or unreadable (then everything kept is replayed). */
    static Map<Integer, Long> parse(String cursor) {
        Map<Integer, Long> seen = new HashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return seen;
        }
        try {
            for (String part : cursor.trim().split(",")) {
                String[] po = part.split(":");
                seen.put(Integer.parseInt(po[0].trim()), Long.parseLong(po[1].trim()));
            }
            return seen;
        } catch (RuntimeException unreadable) {
            return new HashMap<>();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            consumer.wakeup();
            thread.join(10_000);
            metrics.close();
        }
    }
}
