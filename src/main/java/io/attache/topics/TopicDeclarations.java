package io.attache.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Reads the topic declarations shipped in the jar from {@code topics/topics.yaml}. */
public final class TopicDeclarations {

    public static final String RESOURCE = "/topics/topics.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record File(List<TopicSpec> topics) {
    }

    private static final List<TopicSpec> ALL = load();

    private TopicDeclarations() {
    }

    /** Every declared topic, unprefixed, in file order. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    public static Optional<TopicSpec> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<TopicSpec> load() {
        try (InputStream in = TopicDeclarations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return List.copyOf(YAML.readValue(in, File.class).topics());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
