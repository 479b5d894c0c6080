package io.attache.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders topic declarations as Strimzi {@code KafkaTopic} resources, one YAML document per topic, so
 * that a cluster run by the Strimzi topic operator holds exactly the topics {@code topics/topics.yaml}
 * declares. The Kubernetes manifests commit this output; a test re-renders it to catch drift.
 */
public final class StrimziTopics {

    public static final String API_VERSION = "kafka.strimzi.io/v1beta2";
    public static final String CLUSTER_LABEL = "strimzi.io/cluster";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private StrimziTopics() {
    }

    /**
     * @param topics the declarations to render, in order
     * @param prefix put before every topic name, as the {@code topic.prefix} setting does
     * @param cluster the Strimzi {@code Kafka} resource the topics belong to
     * @param command the command line that produced the output, recorded in its header
     */
    public static String render(List<TopicSpec> topics, String prefix, String cluster, String command) {
        StringBuilder out = new StringBuilder()
                .append("# Generated from topics/topics.yaml by `").append(command).append("`.\n")
                .append("# Do not edit: change topics/topics.yaml and render again.\n");
        for (TopicSpec topic : topics) {
            out.append(document(resource(topic, prefix, cluster)));
        }
        return out.toString();
    }

    static Map<String, Object> resource(TopicSpec topic, String prefix, String cluster) {
        String name = prefix + topic.name();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", resourceName(name));
        metadata.put("labels", Map.of(CLUSTER_LABEL, cluster));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("topicName", name);
        spec.put("partitions", topic.partitions());
        spec.put("replicas", (int) topic.replicationFactor());
        spec.put("config", topic.configs());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", "KafkaTopic");
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }

    /**
     * A Kubernetes object name for a topic: lower case letters, digits, '-' and '.', starting and
     * ending alphanumeric. Topic names may also hold '_' and upper case, which objects may not;
     * {@code spec.topicName} keeps the real name.
     */
    static String resourceName(String topicName) {
        String name = topicName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-")
                .replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
        if (name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("topic '" + topicName + "' has no valid Kubernetes object name");
        }
        return name;
    }

    private static String document(Map<String, Object> resource) {
        try {
            return YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + resource.get("metadata"), e);
        }
    }
}
