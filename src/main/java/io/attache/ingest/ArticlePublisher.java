package io.attache.ingest;

import io.attache.config.AttacheConfig;
import io.attache.pipeline.ArticleIntake;
import io.attache.pipeline.StreamsSettings;
import io.attache.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to {@code articles.raw} with an idempotent producer ({@code acks=all}): key the
 * article id, value the article in the contract's JSON form, headers {@code source} and
 * {@code ingested_at} (epoch millis as a decimal string, read by the pipeline for end-to-end latency).
 */
public final class ArticlePublisher implements AutoCloseable {

    public static final String HEADER_SOURCE = "source";
    public static final String HEADER_INGESTED_AT = ArticleIntake.INGESTED_AT_HEADER;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String bootstrapServers;

    public ArticlePublisher(AttacheConfig config) {
        if (config.bootstrapServers().isBlank()) {
            throw new AttacheConfig.ConfigException("no Kafka cluster named: give --bootstrap-servers HOST:PORT "
                    + "(or ATTACHE_BOOTSTRAP_SERVERS); only 'attache demo' starts an embedded broker");
        }
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "attache-ingest");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_REQUEST_BYTES);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = new Topics(config.topicPrefix()).name(Topics.ARTICLES_RAW);
        this.bootstrapServers = config.bootstrapServers();
    }

    public String topic() {
        return topic;
    }

    /** Fails with a clear message when the cluster cannot be reached or the topic does not exist. */
    public void checkReachable() {
        try {
            producer.partitionsFor(topic);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " or find topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param fallbackSource the {@code source} header when the article names no source (its input, e.g. a feed URL)
     */
    public void send(Article article, String fallbackSource, Callback callback) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, article.id(), ArticleCheck.recordValue(article));
        String source = article.source() != null ? article.source() : fallbackSource;
        record.headers().add(HEADER_SOURCE, source.getBytes(StandardCharsets.UTF_8));
        record.headers().add(HEADER_INGESTED_AT,
                Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        producer.send(record, callback);
    }

    /** Blocks until every article sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
