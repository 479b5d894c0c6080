package io.attache.pipeline;

import io.attache.extract.EventMention;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
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

    private static final String NONE = "NONE";
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

    /** Registers the meters known up front, so that they read 0 rather than being absent before the first article. */
    public static void register() {
        // class initialisation has registered them
    }

    public static void articleIn() {
        ARTICLES_IN.increment();
    }

    /** One mention read by the canonical stage; one without type or status counts under "NONE". */
    public static void mention(EventMention m) {
        Metrics.counter("attache.mentions", "type", m == null ? NONE : name(m.type()),
                "status", m == null ? NONE : name(m.status())).increment();
    }

    /** One new version of a canonical event; a deletion (null) is not counted. */
    public static void event(CanonicalEvent e) {
        if (e != null) {
            Metrics.counter("attache.events", "type", name(e.type()), "status", name(e.status())).increment();
        }
    }

    /** One alert, and its end-to-end latency when the triggering article's ingest time is known. */
    public static void alert(Alert a) {
        Metrics.counter("attache.alerts", "kind", a.kind().name()).increment();
        if (a.ingestedAt() != null) {
            E2E.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - a.ingestedAt())));
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? NONE : value.name();
    }
}
