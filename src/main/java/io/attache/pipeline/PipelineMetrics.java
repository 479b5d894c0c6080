package io.attache.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The pipeline's own meters, in Micrometer's global registry (Prometheus names in brackets):
 * articles accepted ({@code attache_articles_in_total}), mentions and canonical updates by type and
 * status ({@code attache_mentions_total}, {@code attache_events_total}), alerts by kind
 * ({@code attache_alerts_total}) and the end-to-end latency from an article's ingest time to the
 * alert it caused ({@code attache_e2e_latency_seconds}, a histogram). Rejections are counted by
 * {@link Rejections}.
 */
public final class PipelineMetrics {

    private static final Counter ARTICLES_IN = Counter.builder("attache.articles.in")
            .description("Articles accepted by the input contract").register(Metrics.globalRegistry);
    private static final Timer E2E = Timer.builder("attache.e2e.latency")
            .description("From an article's ingest time to the alert it caused")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(Metrics.globalRegistry);

    private PipelineMetrics() {
    }

    public static void articleIn() {
        ARTICLES_IN.increment();
    }

    public static void mention(String type, String status) {
        Metrics.counter("attache.mentions", "type", type, "status", status).increment();
    }

    public static void event(String type, String status) {
        Metrics.counter("attache.events", "type", type, "status", status).increment();
    }

    /** One alert; {@code ingestedAt} null when unknown (then no latency is recorded). */
    public static void alert(String kind, Long ingestedAt) {
        Metrics.counter("attache.alerts", "kind", kind).increment();
        if (ingestedAt != null) {
            E2E.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - ingestedAt)));
        }
    }
}
