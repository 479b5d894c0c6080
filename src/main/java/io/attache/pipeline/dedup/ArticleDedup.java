package io.attache.pipeline.dedup;

import io.attache.ingest.Article;
import io.attache.ingest.ArticleContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup at the door: an article whose id, URL or normalized text was seen within the
 * retention is dropped (logged), so a redelivered or re-posted article changes nothing downstream.
 * A first sighting passes on with two headers that travel with its mentions: the hash of its
 * normalized text and its SimHash. With them the canonical stage, where every report of an event
 * meets whatever partition its article came in on, drops repeats this per-partition store could not
 * see and folds syndicated near-copies into one report.
 *
 * <p>The store is bounded by time: a wall-clock punctuation drops keys older than
 * {@link #RETENTION}, as long as {@code articles.raw} keeps records (7 days), with margin.
 */
public final class ArticleDedup implements ProcessorSupplier<String, Article, String, Article> {

    public static final String STORE = "article-dedup-store";
    public static final String TEXT_HASH_HEADER = "attache.text-hash";
    public static final String FINGERPRINT_HEADER = "attache.simhash";
    public static final Duration RETENTION = Duration.ofDays(30);
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long()));
    }

    @Override
    public Processor<String, Article, String, Article> get() {
        return new Dedup();
    }

    private static final class Dedup implements Processor<String, Article, String, Article> {

        private static final Logger LOG = LoggerFactory.getLogger(ArticleDedup.class);

        private ProcessorContext<String, Article> context;
        private KeyValueStore<String, Long> seen;

        @Override
        public void init(ProcessorContext<String, Article> context) {
            this.context = context;
            this.seen = context.getStateStore(STORE);
            context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purge);
        }

        @Override
        public void process(Record<String, Article> record) {
            Article a = record.value();
            List<String> keys = new ArrayList<>(3);
            keys.add("id:" + a.id());
            if (a.url() != null && !a.url().isBlank()) {
                keys.add("url:" + a.url().strip());
            }
            String normalized = ArticleContract.normalize(a.text());
            String textHash = ArticleContract.textId(normalized);
            keys.add("text:" + textHash);
            for (String k : keys) {
                if (seen.get(k) != null) {
                    LOG.info("article {} dropped as a duplicate: its {} was seen before", a.id(), k.substring(0, k.indexOf(':')));
                    return;
                }
            }
            long now = context.currentSystemTimeMs();
            keys.forEach(k -> seen.put(k, now));
            Headers headers = new RecordHeaders(record.headers().toArray()).remove(TEXT_HASH_HEADER).remove(FINGERPRINT_HEADER);
            headers.add(TEXT_HASH_HEADER, textHash.getBytes(StandardCharsets.UTF_8));
            String fingerprint = SimHash.fingerprintOfNormalized(normalized);
            if (fingerprint != null) {
                headers.add(FINGERPRINT_HEADER, fingerprint.getBytes(StandardCharsets.UTF_8));
            }
            context.forward(record.withHeaders(headers));
        }

        private void purge(long now) {
            long oldest = now - RETENTION.toMillis();
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, Long> it = seen.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Long> kv = it.next();
                    if (kv.value < oldest) {
                        expired.add(kv.key);
                    }
                }
            }
            expired.forEach(seen::delete);
        }
    }
}
