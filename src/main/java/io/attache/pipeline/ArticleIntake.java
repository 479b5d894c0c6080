package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.ingest.Article;
import io.attache.topics.Topic;
import io.attache.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The door of the pipeline: reads {@code articles.raw} through the article contract (records that
 * break it go to the DLQ via {@link RejectingDeserializationHandler}) and completes each accepted
 * article's times.
 */
public final class ArticleIntake {

    /** Header a producer may set to the epoch-millis time it ingested the article, as decimal text. */
    public static final String INGESTED_AT_HEADER = "ingested_at";

    private ArticleIntake() {
    }

    public static KStream<String, Article> addTo(StreamsBuilder builder, Topics topics, AttacheConfig config) {
        Topic<String, Article> raw = topics.articlesRaw(config.maxArticleBytes());
        return builder.stream(raw.name(), raw.consumed("articles-raw-source"))
                .processValues(FillTimes::new, Named.as("articles-fill-times"))
                .peek((id, article) -> PipelineMetrics.articleIn(), Named.as("articles-metrics"));
    }

    /**
     * Sets {@code publishedAt} to the record timestamp and {@code ingestedAt} to the producer's
     * {@value #INGESTED_AT_HEADER} header (else the record timestamp) where the article has none.
     */
    static final class FillTimes implements FixedKeyProcessor<String, Article, Article> {

        private FixedKeyProcessorContext<String, Article> context;

        @Override
        public void init(FixedKeyProcessorContext<String, Article> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, Article> record) {
            Article a = record.value();
            String published = a.publishedAt() != null ? a.publishedAt()
                    : Instant.ofEpochMilli(record.timestamp()).toString();
            long ingested = a.ingestedAt() != null ? a.ingestedAt() : ingestedAt(record.headers(), record.timestamp());
            context.forward(record.withValue(new Article(a.id(), a.url(), a.source(), published, a.title(), a.text(),
                    a.language(), ingested)));
        }

        private static long ingestedAt(Headers headers, long fallback) {
            Header h = headers.lastHeader(INGESTED_AT_HEADER);
            if (h == null || h.value() == null) {
                return fallback;
            }
            try {
                return Long.parseLong(new String(h.value(), StandardCharsets.UTF_8).strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
