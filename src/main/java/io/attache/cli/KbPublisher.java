package io.attache.cli;

import io.attache.config.AttacheConfig;
import io.attache.extract.kb.KbLoader;
import io.attache.extract.kb.Person;
import io.attache.json.Json;
import io.attache.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes people to the compacted reference.leaders topic (key = person id, value = the person in the KB
 * file format). The topic is read first and a person already there with an equal value is not written
 * again, so a restart or a repeated publish leaves the topic as it is.
 */
final class KbPublisher {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** What a publish did. */
    record Result(int written, int unchanged) {
    }

    private KbPublisher() {
    }

    /** Publishes the bundled KB when the topic holds nothing yet, so the topic always holds a KB. */
    static void publishIfEmpty(AttacheConfig config, PrintWriter out) {
        if (current(config).isEmpty()) {
            Result r = publish(config, KbLoader.standard().people());
            out.println("knowledge base: " + r.written() + " people published to " + topic(config));
        } else {
            out.println("knowledge base: " + topic(config) + " already holds one; not republished");
        }
        out.flush();
    }

    /** Writes each person whose value on the topic differs (or is absent). */
    static Result publish(AttacheConfig config, Collection<Person> people) {
        Map<String, Person> onTopic = new HashMap<>();
        current(config).forEach((id, value) -> {
            try {
                onTopic.put(id, Json.MAPPER.readValue(value, Person.class));
            } catch (IOException unreadable) {
                // not a person: overwritten below if the id is published
            }
        });
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Person p : people) {
            if (!p.equals(onTopic.get(p.id()))) {
                records.add(new ProducerRecord<>(topic(config), p.id(), Json.bytes(p)));
            }
        }
        send(config, records);
        return new Result(records.size(), people.size() - records.size());
    }

    /** Writes a tombstone for each id the topic holds; returns how many were written. */
    static int remove(AttacheConfig config, Collection<String> ids) {
        Map<String, byte[]> onTopic = current(config);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        ids.stream().filter(onTopic::containsKey).forEach(id -> records.add(new ProducerRecord<>(topic(config), id, null)));
        send(config, records);
        return records.size();
    }

    /** The latest value of every key on the topic, read to its end (deleted keys absent). */
    static Map<String, byte[]> current(AttacheConfig config) {
        Properties p = Clients.properties(config);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, byte[]> values = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic(config), READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic(config) + " does not exist: run `attache topics apply`");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic(config) + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        values.remove(r.key());
                    } else {
                        values.put(r.key(), r.value());
                    }
                }
            }
        }
        return values;
    }

    private static void send(AttacheConfig config, List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        Properties p = Clients.properties(config);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + topic(config) + " failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic(config), e);
        }
    }

    private static String topic(AttacheConfig config) {
        return new Topics(config.topicPrefix()).name(Topics.REFERENCE_LEADERS);
    }
}
