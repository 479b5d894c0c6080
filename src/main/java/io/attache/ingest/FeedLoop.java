package io.attache.ingest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls feeds once or on a schedule and hands their new items to an {@link Ingestor}. Items are
 * marked seen only after every send of their poll was acknowledged; a feed that fails is polled
 * again after an exponential back-off of its own, while the other feeds keep their schedule.
 */
public final class FeedLoop {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLoop.class);

    private final List<FeedPoller> pollers;
    private final Ingestor ingestor;
    private final List<Backoff> backoffs = new ArrayList<>();

    public FeedLoop(List<FeedPoller> pollers, Ingestor ingestor, Supplier<Backoff> backoff) {
        this.pollers = List.copyOf(pollers);
        this.ingestor = ingestor;
        pollers.forEach(p -> backoffs.add(backoff.get()));
    }

    /**
     * @param every time between polls of a feed; null polls each feed once
     * @param failFast stop at the first rejected item or failed feed
     * @param stop asked between polls; true ends the loop
     * @return false when stopped by {@code failFast}
     */
    public boolean run(Duration every, boolean failFast, BooleanSupplier stop) throws InterruptedException {
        Instant[] due = new Instant[pollers.size()];
        Arrays.fill(due, Instant.now());
        while (!stop.getAsBoolean()) {
            int i = 0;
            for (int j = 1; j < due.length; j++) {
                if (due[j].isBefore(due[i])) {
                    i = j;
                }
            }
            long wait = Duration.between(Instant.now(), due[i]).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            boolean ok = pollOnce(pollers.get(i), failFast);
            if (!ok && failFast) {
                return false;
            }
            if (every == null) {
                due[i] = Instant.MAX;
                if (Instant.MAX.equals(Arrays.stream(due).min(Instant::compareTo).orElseThrow())) {
                    return true;
                }
            } else if (ok) {
                backoffs.get(i).reset();
                due[i] = Instant.now().plus(every);
            } else {
                Duration retry = backoffs.get(i).next();
                LOG.warn("feed {} failed; polling it again in {}s", pollers.get(i).feed(), retry.toSeconds());
                due[i] = Instant.now().plus(retry);
            }
        }
        return true;
    }

    /** @return false when the feed could not be read or (with failFast) an item was rejected */
    private boolean pollOnce(FeedPoller poller, boolean failFast) throws InterruptedException {
        String feed = poller.feed().toString();
        List<ReadResult> results;
        try {
            results = poller.poll();
        } catch (IOException e) {
            ingestor.accept(new ReadResult.Rejected(feed, FeedPoller.FETCH_FAILED, e.getMessage()), feed);
            return false;
        }
        List<ReadResult> handled = new ArrayList<>();
        boolean allAccepted = true;
        for (ReadResult r : results) {
            handled.add(r);
            if (!ingestor.accept(r, feed)) {
                allAccepted = false;
                if (failFast) {
                    break;
                }
            }
        }
        long failures = ingestor.publishFailures();
        ingestor.flush();
        // a dry run must not mark items seen: the real run that follows is to publish them
        if (ingestor.publishes() && ingestor.publishFailures() == failures) {
            poller.markSeen(handled);
        }
        LOG.info("feed {}: {} new items", feed, results.size());
        return allAccepted || !failFast;
    }
}
