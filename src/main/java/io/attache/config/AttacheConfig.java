package io.attache.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The typed configuration of one attache process, resolved once at start from flags, environment
 * and a properties file (in that order of precedence), with arbitrary Kafka client properties passed
 * through from {@code --kafka-config FILE} and {@code ATTACHE_KAFKA_<PROP>} variables.
 */
public record AttacheConfig(
        String bootstrapServers,
        String applicationId,
        String topicPrefix,
        Path stateDir,
        Path dataDir,
        String processingGuarantee,
        int streamThreads,
        int standbyReplicas,
        int maxArticleBytes,
        int alertHorizonDays,
        int httpPort,
        String applicationServer,
        String apiToken,
        int rocksdbCacheMb,
        Map<String, String> kafka) {

    public AttacheConfig {
        kafka = Map.copyOf(kafka);
    }

    public static AttacheConfig defaults() {
        return resolve(Map.of(), Map.of(), new Properties());
    }

    /** Whether no cluster was named, so that the embedded broker is to be started. */
    public boolean embedded() {
        return bootstrapServers.isBlank();
    }

    public AttacheConfig withBootstrapServers(String servers) {
        return new AttacheConfig(servers, applicationId, topicPrefix, stateDir, dataDir, processingGuarantee,
                streamThreads, standbyReplicas, maxArticleBytes, alertHorizonDays, httpPort, applicationServer,
                apiToken, rocksdbCacheMb, kafka);
    }

    /**
     * @param flags settings given on the command line
     * @param env the process environment
     * @param file the properties file's content (may hold both attache keys and Kafka properties under
     *             {@code kafka.})
     */
    public static AttacheConfig resolve(Map<Setting, String> flags, Map<String, String> env, Properties file) {
        Map<Setting, String> v = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String value = flags.get(s);
            if (value == null) {
                value = env.get(s.env());
            }
            if (value == null) {
                value = file.getProperty(s.key());
            }
            v.put(s, value == null ? s.defaultValue() : value.trim());
        }
        Map<String, String> kafka = new LinkedHashMap<>();
        String kafkaFile = v.get(Setting.KAFKA_CONFIG);
        if (!kafkaFile.isBlank()) {
            Properties p = load(Path.of(kafkaFile));
            p.stringPropertyNames().forEach(k -> kafka.put(k, p.getProperty(k)));
        }
        file.stringPropertyNames().stream().filter(k -> k.startsWith("kafka."))
                .forEach(k -> kafka.put(k.substring("kafka.".length()), file.getProperty(k)));
        env.forEach((k, val) -> {
            // ATTACHE_KAFKA_CONFIG names the pass-through file; it is not itself a Kafka property
            if (k.startsWith("ATTACHE_KAFKA_") && !k.equals(Setting.KAFKA_CONFIG.env())) {
                kafka.put(k.substring("ATTACHE_KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), val);
            }
        });
        return new AttacheConfig(
                v.get(Setting.BOOTSTRAP_SERVERS),
                v.get(Setting.APPLICATION_ID),
                v.get(Setting.TOPIC_PREFIX),
                Path.of(v.get(Setting.STATE_DIR)),
                Path.of(v.get(Setting.DATA_DIR)),
                v.get(Setting.PROCESSING_GUARANTEE),
                integer(v, Setting.STREAM_THREADS),
                integer(v, Setting.STANDBY_REPLICAS),
                integer(v, Setting.MAX_ARTICLE_BYTES),
                integer(v, Setting.ALERT_HORIZON_DAYS),
                integer(v, Setting.HTTP_PORT),
                v.get(Setting.APPLICATION_SERVER),
                v.get(Setting.API_TOKEN),
                integer(v, Setting.ROCKSDB_CACHE_MB),
                kafka);
    }

    /** Reads a properties file, failing with a message that names the file. */
    public static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read properties file " + file + ": " + e.getMessage());
        }
        return p;
    }

    private static int integer(Map<Setting, String> v, Setting s) {
        try {
            return Integer.parseInt(v.get(s));
        } catch (NumberFormatException e) {
            throw new ConfigException(s.key() + " must be a whole number, got '" + v.get(s) + "'");
        }
    }

    /** A setting that cannot be used; its message names the setting and the bad value. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
