package io.attache.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.attache.config.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The deployment files of the repository, read as data, and the rules they must keep. */
final class Deployment {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final int HTTP_PORT = Integer.parseInt(Setting.HTTP_PORT.defaultValue());
    static final String KAFKA_PASS_THROUGH = "ATTACHE_KAFKA_";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern ATTACHE_VARIABLE = Pattern.compile("ATTACHE_[A-Z0-9_]+");
    private static final Set<String> SETTING_VARIABLES =
            Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.toUnmodifiableSet());

    private Deployment() {
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    /** Every YAML document of a file (Kubernetes files hold several). */
    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot parse " + ROOT.relativize(file) + ": " + e.getMessage(), e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot parse " + ROOT.relativize(file) + ": " + e.getMessage(), e);
        }
    }

    static JsonNode document(Path file) {
        List<JsonNode> docs = documents(file);
        assertThat(docs).as("documents in %s", ROOT.relativize(file)).hasSize(1);
        return docs.get(0);
    }

    /** A YAML mapping of scalars as strings, in file order. */
    static Map<String, String> textMap(JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The scalars of a YAML sequence, as text. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<Path> yamlFilesUnder(String dir) {
        try (Stream<Path> files = Files.walk(file(dir))) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    /** A compose env_file: KEY=VALUE lines with # comments, which is a subset of properties syntax. */
    static Map<String, String> envFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return p.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, p::getProperty));
    }

    /** Every ATTACHE_... name in a YAML tree, in keys and in values (shell commands included). */
    static Set<String> attacheVariables(JsonNode node) {
        Set<String> found = new TreeSet<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                scan(e.getKey(), found);
                collect(e.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, found));
        } else if (node.isTextual()) {
            scan(node.asText(), found);
        }
    }

    static void scan(String text, Set<String> found) {
        Matcher m = ATTACHE_VARIABLE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
    }

    /**
     * Why an ATTACHE_ variable would be ignored or misread by attache, or null if it is fine: it must
     * be a setting's variable, or pass a property through that some Kafka client actually has.
     */
    static String problemWith(String variable) {
        if (SETTING_VARIABLES.contains(variable)) {
            return null;
        }
        if (!variable.startsWith(KAFKA_PASS_THROUGH)) {
            return variable + " is neither a setting (" + new TreeSet<>(SETTING_VARIABLES) + ") nor ATTACHE_KAFKA_<PROPERTY>";
        }
        String property = kafkaProperty(variable);
        return KAFKA_CLIENT_PROPERTIES.contains(property) ? null
                : variable + " passes '" + property + "' through, which no Kafka client knows";
    }

    /** The Kafka property an ATTACHE_KAFKA_ variable sets, converted as AttacheConfig does. */
    static String kafkaProperty(String variable) {
        return variable.substring(KAFKA_PASS_THROUGH.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static final Set<String> KAFKA_CLIENT_PROPERTIES = clientProperties();

    private static Set<String> clientProperties() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        names.addAll(StreamsConfig.configDef().names());
        return Set.copyOf(names);
    }
}
