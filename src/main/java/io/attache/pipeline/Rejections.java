package io.attache.pipeline;

import io.attache.ingest.ArticleContract;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What attache adds to Kafka Streams' own dead-letter handling: a reason header on every DLQ record,
 * one concise WARN line per rejected record, and the counter {@value #COUNTER}{reason=...} in
 * Micrometer's global registry (the handlers are created by Kafka Streams by reflection, so they
 * cannot be handed a registry; whoever exposes metrics adds its registry to the global one).
 */
public final class Rejections {

    /** Header naming why the record was refused: an {@link ArticleContract.Reason} or {@link #PROCESSING_ERROR}. */
    public static final String REASON_HEADER = "attache.reject.reason";
    /** Header naming the innermost exception's class (Kafka's own header names the outer wrapper). */
    public static final String CAUSE_HEADER = "attache.reject.cause";
    public static final String COUNTER = "attache.articles.rejected";
    public static final String DESERIALIZATION_ERROR = "DESERIALIZATION_ERROR";
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

    private Rejections() {
    }

    /** The contract reason found in the exception's causes, else {@code fallback}. */
    public static String reason(Throwable exception, String fallback) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ArticleContract.Rejected r) {
                return r.reason().name();
            }
        }
        return fallback;
    }

    /** Logs, counts and labels one rejected record; returns the DLQ records with the reason header added. */
    static List<ProducerRecord<byte[], byte[]>> reject(ErrorHandlerContext context, Exception exception,
            String reason, List<ProducerRecord<byte[], byte[]>> deadLetters) {
        Throwable root = root(exception);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        LOG.warn("rejected {}-{}@{} ({}): {}", context.topic(), context.partition(), context.offset(), reason,
                message.length() > 300 ? message.substring(0, 300) + "..." : message);
        Metrics.counter(COUNTER, "reason", reason).increment();
        for (ProducerRecord<byte[], byte[]> r : deadLetters) {
            r.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            r.headers().add(CAUSE_HEADER, root.getClass().getName().getBytes(StandardCharsets.UTF_8));
        }
        return deadLetters;
    }

    private static Throwable root(Throwable exception) {
        Throwable t = exception;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
