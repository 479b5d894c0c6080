package io.attache.serve;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.admin.Admin;

/**
 * The number of partitions of each state store, read once from its changelog topic
 * ({@code <application.id>-<store>-changelog}, or the source topic a table restores from).
 * Queries need it to know that an answer gathered partition by partition is complete: metadata
 * alone cannot show a partition that nobody owns.
 */
final class StorePartitions implements ToIntFunction<String>, AutoCloseable {

    private final Admin admin;
    private final String applicationId;
    private final Map<String, String> sourceTopics;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    /** @param sourceTopics store to the topic it restores from, for the stores that have no changelog of their own */
    StorePartitions(Map<String, Object> clientProps, String applicationId, Map<String, String> sourceTopics) {
        this.admin = Admin.create(clientProps);
        this.applicationId = applicationId;
        this.sourceTopics = Map.copyOf(sourceTopics);
    }

    @Override
    public int applyAsInt(String store) {
        Integer n = known.get(store);
        if (n != null) {
            return n;
        }
        String changelog = sourceTopics.getOrDefault(store, applicationId + "-" + store + "-changelog");
        try {
            int count = admin.describeTopics(Set.of(changelog)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(changelog).partitions().size();
            known.put(store, count);
            return count;
        } catch (ExecutionException | TimeoutException e) {
            throw new NotReadyException("cannot read the partitions of " + changelog + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
