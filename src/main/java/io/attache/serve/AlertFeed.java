package io.attache.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the {@code alerts} topic (read_committed, so only alerts of committed transactions) and
 * fans each alert out to live subscribers, keeping the latest ones so that a client reconnecting with
 * {@code Last-Event-ID} gets what it missed. An alert's id is {@code partition-offset}: stable across
 * instances, because every instance reads the same topic.
 */
public final class AlertFeed implements AutoCloseable {

    /** One alert as served: its stable id and its JSON. */
    public record Entry(String id, JsonNode alert) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    private final String topic;
    private final Map<String, Object> clientProps;
    private final int capacity;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final List<Consumer<Entry>> subscribers = new CopyOnWriteArrayList<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public AlertFeed(String topic, Map<String, Object> clientProps, int capacity) {
        this.topic = topic;
        this.clientProps = Map.copyOf(clientProps);
        this.capacity = capacity;
    }

    public void start() {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "attache-alert-feed-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::loop, "alert-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try (KafkaConsumer<String, byte[]> c = consumer) {
            c.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        continue;
                    }
                    try {
                        publish(new Entry(r.partition() + "-" + r.offset(), Json.MAPPER.readTree(r.value())));
                    } catch (IOException e) {
                        LOG.warn("skipping unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private void publish(Entry entry) {
        synchronized (recent) {
            recent.addLast(entry);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
            // under the lock, so that a subscriber registering now sees each alert exactly once
            subscribers.forEach(s -> s.accept(entry));
        }
    }

    /**
     * Registers a subscriber and returns what it missed: the alerts after {@code lastEventId}, or all
     * kept alerts when the id is unknown or absent. Registration and replay happen under one lock, so
     * no alert falls between them.
     */
    public List<Entry> subscribe(String lastEventId, Consumer<Entry> subscriber) {
        synchronized (recent) {
            List<Entry> missed = new ArrayList<>();
            boolean found = lastEventId == null;
            for (Entry e : recent) {
                if (found) {
                    missed.add(e);
                } else if (e.id().equals(lastEventId)) {
                    found = true;
                }
            }
            subscribers.add(subscriber);
            return found ? missed : new ArrayList<>(recent);
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

    @Override
    public void close() throws InterruptedException {
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
            thread.join(5_000);
        }
    }
}
