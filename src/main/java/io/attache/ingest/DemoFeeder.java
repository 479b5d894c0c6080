package io.attache.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays articles in publication order on an accelerated clock (by default one simulated day per
 * real second), so that a demo shows events appear and change status as the news came out. Long
 * quiet spells are cut to a maximum pause; undated articles come last, without pause.
 */
public final class DemoFeeder {

    /** How the feeder waits; the demo sleeps, a test records. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Duration simulatedPerSecond;
    private final Duration maxPause;
    private final Pause pause;

    /**
     * @param simulatedPerSecond simulated time that passes in one real second, e.g. one day
     * @param maxPause the longest real wait between two articles
     */
    public DemoFeeder(Duration simulatedPerSecond, Duration maxPause, Pause pause) {
        if (simulatedPerSecond.isZero() || simulatedPerSecond.isNegative()) {
            throw new IllegalArgumentException("simulated time per second must be positive, got " + simulatedPerSecond);
        }
        this.simulatedPerSecond = simulatedPerSecond;
        this.maxPause = maxPause;
        this.pause = pause;
    }

    /** One simulated day per second, pauses of at most five seconds, real sleeping. */
    public static DemoFeeder oneDayPerSecond() {
        return new DemoFeeder(Duration.ofDays(1), Duration.ofSeconds(5), d -> Thread.sleep(d.toMillis()));
    }

    /** Feeds every article to the sink in publication order, pausing for the scaled gap before each. */
    public void feed(List<Article> articles, Consumer<Article> sink) throws InterruptedException {
        List<Article> ordered = articles.stream()
                .sorted(Comparator.comparing(DemoFeeder::published, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Instant previous = null;
        for (Article a : ordered) {
            Instant at = published(a);
            if (previous != null && at != null && at.isAfter(previous)) {
                pause.sleep(realPause(Duration.between(previous, at)));
            }
            if (at != null) {
                previous = at;
            }
            sink.accept(a);
        }
    }

    /** The real wait for a simulated gap: scaled down by the speed, capped at the maximum pause. */
    Duration realPause(Duration simulatedGap) {
        Duration scaled = Duration.ofMillis(simulatedGap.toMillis() * 1000 / simulatedPerSecond.toMillis());
        return scaled.compareTo(maxPause) > 0 ? maxPause : scaled;
    }

    /** An article's publication instant (a plain date is its start in UTC), or null when it has none. */
    static Instant published(Article a) {
        String p = a.publishedAt();
        if (p == null || p.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(p).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(p).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(p);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
