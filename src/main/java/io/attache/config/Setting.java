package io.attache.config;

/**
 * Every setting attache reads. Each comes from a flag, an {@code ATTACHE_...} environment variable
 * or a properties file, in that order of precedence; the README table and the config test are
 * checked against this list, so a new setting is declared here and nowhere else.
 */
public enum Setting {
    BOOTSTRAP_SERVERS("bootstrap.servers", "", "Kafka bootstrap servers; empty starts the embedded broker (demo only)"),
    APPLICATION_ID("application.id", "attache", "Kafka Streams application id (consumer group, internal topic prefix)"),
    TOPIC_PREFIX("topic.prefix", "", "Prefix put before every topic name, e.g. 'prod.'"),
    STATE_DIR("state.dir", "attache-data/state", "Directory of the Kafka Streams state stores"),
    DATA_DIR("data.dir", "attache-data/kafka", "Directory of the embedded broker's log and metadata"),
    KAFKA_CONFIG("kafka.config", "", "Properties file of extra Kafka client settings (SASL_SSL, mTLS, ...)"),
    PROCESSING_GUARANTEE("processing.guarantee", "exactly_once_v2", "Kafka Streams processing guarantee"),
    STREAM_THREADS("stream.threads", "1", "Kafka Streams threads in this instance"),
    STANDBY_REPLICAS("standby.replicas", "0", "Standby replicas of each state store"),
    MAX_ARTICLE_BYTES("max.article.bytes", "1048576", "Largest accepted article; larger ones go to the DLQ"),
    ALERT_HORIZON_DAYS("alert.horizon.days", "30",
            "Events dated more than this many days before their article update tables but raise no alert"),
    HTTP_PORT("http.port", "8080", "Port of the HTTP API, dashboard, metrics and health endpoints"),
    APPLICATION_SERVER("application.server", "",
            "host:port other instances use to reach this one's HTTP API (interactive queries)"),
    API_TOKEN("api.token", "", "Bearer token required on the API and dashboard; empty disables it"),
    ROCKSDB_CACHE_MB("rocksdb.cache.mb", "256", "Memory bound shared by all RocksDB stores of this instance (MiB)");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Name in a properties file, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    /** Environment variable, e.g. {@code ATTACHE_HTTP_PORT}. */
    public String env() {
        return "ATTACHE_" + name();
    }

    /** Command-line flag, e.g. {@code --http-port}. */
    public String flag() {
        return "--" + key.replace('.', '-');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
