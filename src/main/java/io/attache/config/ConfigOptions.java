package io.attache.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The configuration flags shared by every command that talks to Kafka, as a picocli mixin.
 * Each {@link Setting} has exactly one flag here (checked by a test).
 */
public class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings (env ATTACHE_CONFIG)")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster; none starts the embedded broker")
    String bootstrapServers;

    @Option(names = "--application-id", description = "Kafka Streams application id (default attache)")
    String applicationId;

    @Option(names = "--topic-prefix", description = "Prefix of every topic name")
    String topicPrefix;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State store directory")
    String stateDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Embedded broker data directory")
    String dataDir;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Extra Kafka client properties (SASL, TLS, ...)")
    String kafkaConfig;

    @Option(names = "--processing-guarantee", description = "exactly_once_v2 (default) or at_least_once")
    String processingGuarantee;

    @Option(names = "--stream-threads", description = "Stream threads (default 1)")
    String streamThreads;

    @Option(names = "--standby-replicas", description = "Standby replicas per store (default 0)")
    String standbyReplicas;

    @Option(names = "--max-article-bytes", description = "Largest accepted article in bytes (default 1 MiB)")
    String maxArticleBytes;

    @Option(names = "--alert-horizon-days", description = "Background events older than this raise no alert (default 30)")
    String alertHorizonDays;

    @Option(names = "--http-port", description = "HTTP port (default 8080)")
    String httpPort;

    @Option(names = "--application-server", paramLabel = "HOST:PORT", description = "This instance's address for interactive queries")
    String applicationServer;

    @Option(names = "--api-token", description = "Bearer token for the API and dashboard (default: none)")
    String apiToken;

    @Option(names = "--rocksdb-cache-mb", description = "Memory bound of all RocksDB stores, MiB (default 256)")
    String rocksdbCacheMb;

    public AttacheConfig resolve() {
        return resolve(System.getenv());
    }

    public AttacheConfig resolve(Map<String, String> env) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.BOOTSTRAP_SERVERS, bootstrapServers);
        put(flags, Setting.APPLICATION_ID, applicationId);
        put(flags, Setting.TOPIC_PREFIX, topicPrefix);
        put(flags, Setting.STATE_DIR, stateDir);
        put(flags, Setting.DATA_DIR, dataDir);
        put(flags, Setting.KAFKA_CONFIG, kafkaConfig);
        put(flags, Setting.PROCESSING_GUARANTEE, processingGuarantee);
        put(flags, Setting.STREAM_THREADS, streamThreads);
        put(flags, Setting.STANDBY_REPLICAS, standbyReplicas);
        put(flags, Setting.MAX_ARTICLE_BYTES, maxArticleBytes);
        put(flags, Setting.ALERT_HORIZON_DAYS, alertHorizonDays);
        put(flags, Setting.HTTP_PORT, httpPort);
        put(flags, Setting.APPLICATION_SERVER, applicationServer);
        put(flags, Setting.API_TOKEN, apiToken);
        put(flags, Setting.ROCKSDB_CACHE_MB, rocksdbCacheMb);
        Path file = configFile != null ? configFile
                : env.containsKey("ATTACHE_CONFIG") ? Path.of(env.get("ATTACHE_CONFIG")) : null;
        Properties props = file == null ? new Properties() : AttacheConfig.load(file);
        return AttacheConfig.resolve(flags, env, props);
    }

    private static void put(Map<Setting, String> flags, Setting s, String value) {
        if (value != null) {
            flags.put(s, value);
        }
    }
}
