package io.attache.cli;

import io.attache.config.AttacheConfig;
import io.attache.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when the pipeline has processed everything: the application's consumer group has
 * committed up to the end of articles.raw and of every internal topic it reads, and the output
 * topics have not grown for a quiet period.
 */
final class IdleWatch {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(250);

    private IdleWatch() {
    }

    /** @return whether the pipeline became idle before the timeout */
    static boolean await(AttacheConfig config, Duration timeout) throws InterruptedException {
        Topics topics = new Topics(config.topicPrefix());
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastOutput = -1;
        long quietSince = System.nanoTime();
        try (Admin admin = Clients.admin(config)) {
            while (System.nanoTime() < deadline) {
                long lag = lag(admin, config.applicationId(), topics.name(Topics.ARTICLES_RAW));
                long output = outputEnd(admin, topics);
                if (output != lastOutput || lag > 0) {
                    lastOutput = output;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                    return true;
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets: " + e.getCause().getMessage(), e.getCause());
        }
        return false;
    }

    /** Records of the input and internal topics the application has not committed past. */
    static long lag(Admin admin, String group, String input) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest()));
        admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions()
                .forEach(p -> wanted.put(new TopicPartition(input, p.partition()), OffsetSpec.latest()));
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : admin.listOffsets(wanted).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

    private static long outputEnd(Admin admin, Topics topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        Map<String, TopicDescription> described = admin.describeTopics(
                TopicExport.TOPICS.stream().map(topics::name).toList()).allTopicNames().get();
        described.values().forEach(d -> d.partitions()
                .forEach(p -> wanted.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(wanted).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}
