package io.attache.ingest;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes what the readers yield and publishes the articles, once per id within the run, reporting each
 * rejection on the error stream as it happens. With no publisher it only validates (dry run).
 */
public final class Ingestor {

    private final ArticlePublisher publisher;
    private final PrintWriter err;
    private final Set<String> ids = new HashSet<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<String, Long> reasons = new ConcurrentHashMap<>();
    private final AtomicLong publishFailures = new AtomicLong();

    /** @param publisher where articles go; null for a dry run that only counts */
    public Ingestor(ArticlePublisher publisher, PrintWriter err) {
        this.publisher = publisher;
        this.err = err;
    }

    /**
     * @param fallbackSource the {@code source} header for articles that name none
     * @return false when the input was rejected
     */
    public boolean accept(ReadResult result, String fallbackSource) {
        read.incrementAndGet();
        if (result instanceof ReadResult.Rejected r) {
            reject(r);
            return false;
        }
        ReadResult.Accepted a = (ReadResult.Accepted) result;
        if (!ids.add(a.article().id())) {
            duplicates.incrementAndGet();
            return true;
        }
        if (publisher == null) {
            published.incrementAndGet();
            return true;
        }
        publisher.send(a.article(), fallbackSource, (metadata, e) -> {
            if (e == null) {
                published.incrementAndGet();
            } else {
                publishFailures.incrementAndGet();
                reject(new ReadResult.Rejected(a.origin(), "PUBLISH_FAILED", e.toString()));
            }
        });
        return true;
    }

    /** Waits for every send to be acknowledged, so that the counts are final. */
    public void flush() {
        if (publisher != null) {
            publisher.flush();
        }
    }

    /** Whether articles are sent to Kafka, false in a dry run. */
    public boolean publishes() {
        return publisher != null;
    }

    /** Sends the broker refused so far; the feed loop marks items seen only when this did not grow. */
    public long publishFailures() {
        return publishFailures.get();
    }

    public IngestSummary summary() {
        return new IngestSummary(read.get(), published.get(), duplicates.get(), rejected.get(), reasons);
    }

    private void reject(ReadResult.Rejected r) {
        rejected.incrementAndGet();
        reasons.merge(r.reason(), 1L, Long::sum);
        err.println("rejected " + r.describe());
        err.flush();
    }
}
