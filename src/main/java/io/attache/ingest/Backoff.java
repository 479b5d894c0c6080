package io.attache.ingest;

import java.time.Duration;

/** Exponential back-off: the wait doubles after each consecutive failure, up to a cap. */
public final class Backoff {

    private final Duration initial;
    private final Duration cap;
    private Duration current;

    public Backoff(Duration initial, Duration cap) {
        this.initial = initial;
        this.cap = cap;
    }

    /** The wait before the next attempt after one more failure. */
    public Duration next() {
        current = current == null ? initial : current.multipliedBy(2);
        if (current.compareTo(cap) > 0) {
            current = cap;
        }
        return current;
    }

    public void reset() {
        current = null;
    }
}
