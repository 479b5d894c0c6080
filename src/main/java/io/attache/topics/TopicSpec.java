package io.attache.topics;

import java.util.LinkedHashMap;
import java.util.Map;

/** One topic as declared in {@code topics/topics.yaml}. */
public record TopicSpec(
        String name,
        String description,
        String valueSchema,
        int partitions,
        short replicationFactor,
        int minInsyncReplicas,
        String cleanupPolicy,
        long retentionMs,
        String compressionType,
        int maxMessageBytes) {

    /** The topic-level configs this declaration fixes, as Kafka names them. */
    public Map<String, String> configs() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("cleanup.policy", cleanupPolicy);
        c.put("retention.ms", Long.toString(retentionMs));
        c.put("compression.type", compressionType);
        c.put("max.message.bytes", Integer.toString(maxMessageBytes));
        c.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
        return c;
    }
}
