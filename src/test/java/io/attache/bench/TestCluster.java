package io.attache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.json.Json;
import io.attache.pipeline.ArticleIntake;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A reliability test's view of one Kafka cluster: configurations under a topic prefix, publishing
 * of synthetic articles and mentions, waiting until an application has processed everything, and
 * the committed content of its output topics.
 */
final class TestCluster {

    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final String bootstrapServers;

    TestCluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    TestCluster(EmbeddedKafka broker) {
        this(broker.bootstrapServers());
    }

    /** A configuration of its own (prefix {@code name.}, application id {@code name}) with its topics created. */
    AttacheConfig app(String name, Path stateDir) {
        AttacheConfig config = PipelineBench.with(AttacheConfig.defaults().withBootstrapServers(bootstrapServers),
                name, name + ".", stateDir);
        try (Admin admin = admin()) {
            new TopicAdmin(admin, new Topics(config.topicPrefix())).apply();
        }
        return config;
    }

    Admin admin() {
        return Admin.create(props());
    }

    KafkaProducer<String, byte[]> producer() {
        Properties p = props();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(3).toMillis());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static void sendArticle(KafkaProducer<String, byte[]> producer, AttacheConfig config, SyntheticNews.Story s) {
        sendArticle(producer, config, s, s.article().id());
    }

    /**
     * Keyed by the coarse key of the article's event, all reports of one event travel one partition
     * in publication order, so the alerts they raise do not depend on how partitions interleave.
     */
    static void sendArticleByEvent(KafkaProducer<String, byte[]> producer, AttacheConfig config, SyntheticNews.Story s) {
        EventMention m = s.mention();
        sendArticle(producer, config, s, EventKeys.coarseKey(m.type(), m.actor(), m.participants(), m.hostCountry()));
    }

    static void sendArticle(KafkaProducer<String, byte[]> producer, AttacheConfig config,
            SyntheticNews.Story s, String key) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(new Topics(config.topicPrefix()).name(Topics.ARTICLES_RAW),
                key, Json.bytes(s.article()));
        r.headers().add(ArticleIntake.INGESTED_AT_HEADER,
                Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        producer.send(r);
    }

    /** As the article path would write it: keyed by the coarse event key. */
    static void sendMention(KafkaProducer<String, byte[]> producer, AttacheConfig config, EventMention m) {
        EventMention stamped = KnownMentions.withIngestedAt(m, System.currentTimeMillis());
        producer.send(new ProducerRecord<>(new Topics(config.topicPrefix()).name(Topics.EVENTS_MENTIONS),
                EventKeys.coarseKey(m.type(), m.actor(), m.participants(), m.hostCountry()), Json.bytes(stamped)));
    }

    /** Waits until the application has committed past everything written to the topics it reads. */
    void awaitDrained(AttacheConfig config, BooleanSupplier healthy) throws InterruptedException {
        Topics topics = new Topics(config.topicPrefix());
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            int zeroes = 0;
            while (zeroes < 2) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(config.applicationId() + " did not drain within " + DRAIN_TIMEOUT);
                }
                if (!healthy.getAsBoolean()) {
                    throw new AssertionError(config.applicationId() + " stopped while draining");
                }
                List<String> read = new ArrayList<>(List.of(topics.name(Topics.ARTICLES_RAW),
                        topics.name(Topics.EVENTS_MENTIONS), topics.name(Topics.EVENTS_CANONICAL)));
                read.addAll(GroupLag.repartitionTopics(admin, config.applicationId()));
                // Twice in a row, so that a record in flight between two stages is not missed.
                zeroes = GroupLag.of(admin, config.applicationId(), read) == 0 ? zeroes + 1 : 0;
                TimeUnit.MILLISECONDS.sleep(300);
            }
        }
    }

    /** Waits until the application has committed past everything written to {@code articles.raw}. */
    void awaitInputCommitted(AttacheConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (GroupLag.of(admin, config.applicationId(),
                    List.of(new Topics(config.topicPrefix()).name(Topics.ARTICLES_RAW))) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(config.applicationId() + " did not consume its input within " + DRAIN_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    /** The committed records of a topic, partition by partition. */
    List<ConsumerRecord<String, byte[]>> read(String topic) {
        Properties p = props();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            // The committed end can still move for a moment after the producing transaction is reported
            // committed (its markers reach each partition in turn): read until it stays put for 500 ms.
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (true) {
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("could not read " + topic + " to its end");
                    }
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                if (now.equals(end) || System.nanoTime() > deadline) {
                    break;
                }
                end.putAll(now);
            }
            records.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    /** Publishes stories keyed by event at a steady rate on a thread of its own, started. */
    Thread publishAtRate(AttacheConfig config, List<SyntheticNews.Story> stories, double perSecond) {
        Thread t = new Thread(() -> {
            try (KafkaProducer<String, byte[]> producer = producer()) {
                long start = System.nanoTime();
                for (int i = 0; i < stories.size(); i++) {
                    long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    sendArticleByEvent(producer, config, stories.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-publisher");
        t.start();
        return t;
    }

    /** The final tables and alerts of one application's run. */
    record Outcome(Map<String, String> events, Map<String, String> leaders, Map<String, String> dyads,
            List<String> alerts) {

        /** The table sizes of a reference run and this one, for a test's report line. */
        String sizesAgainst(Outcome expected) {
            return String.format("events %d expected / %d found, leaders %d / %d, dyads %d / %d", expected.events.size(),
                    events.size(), expected.leaders.size(), leaders.size(), expected.dyads.size(), dyads.size());
        }

        /** This run's tables equal a reference run's, which produced events. */
        void assertSameTablesAs(Outcome expected) {
            assertThat(expected.events).isNotEmpty();
            assertThat(events).isEqualTo(expected.events);
            assertThat(leaders).isEqualTo(expected.leaders);
            assertThat(dyads).isEqualTo(expected.dyads);
        }
    }

    Outcome outcome(AttacheConfig config) {
        return new Outcome(table(config, Topics.EVENTS_CANONICAL), table(config, Topics.LEADERS_ACTIVITY),
                table(config, Topics.RELATIONS_DYADS), alertIdentities(config));
    }

    /** A compacted topic as a table: the latest value per key, as JSON text, tombstones removing keys. */
    Map<String, String> table(AttacheConfig config, String logical) {
        Map<String, String> table = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : read(new Topics(config.topicPrefix()).name(logical))) {
            if (r.value() == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return table;
    }

    /** Every alert's identity (event id, kind, status, article id), in topic order, duplicates kept. */
    List<String> alertIdentities(AttacheConfig config) {
        return read(new Topics(config.topicPrefix()).name(Topics.ALERTS)).stream()
                .map(r -> Json.read(r.value(), Alert.class))
                .map(a -> a.eventId() + "|" + a.kind() + "|" + a.status() + "|" + a.articleId())
                .toList();
    }

    /** Counts of what differs between a reference list of alert identities and a found one. */
    record AlertComparison(int expected, int found, int duplicates, int missing, int unexpected) {

        static AlertComparison of(Collection<String> expected, Collection<String> found) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            found.forEach(a -> counts.merge(a, 1, Integer::sum));
            int duplicates = counts.values().stream().mapToInt(c -> c - 1).sum();
            int missing = (int) expected.stream().distinct().filter(a -> !counts.containsKey(a)).count();
            int unexpected = (int) counts.keySet().stream().filter(a -> !expected.contains(a)).count();
            return new AlertComparison(expected.size(), found.size(), duplicates, missing, unexpected);
        }

        boolean exact() {
            return duplicates == 0 && missing == 0 && unexpected == 0 && expected == found;
        }
    }

    private Properties props() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }
}
