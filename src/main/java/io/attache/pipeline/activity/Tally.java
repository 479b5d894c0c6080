package io.attache.pipeline.activity;

import java.util.stream.Stream;

/**
 * How an activity summary follows its group's events without holding them all: counts move by
 * one, and a field that holds the latest of something (the last activity, a country's last visit,
 * the most recent event) is re-read from the head of the group's timeline when the event that
 * held it goes away or moves back, which reads a few events, not the whole history.
 *
 * @param <S> the summary, e.g. {@link LeaderActivity}
 */
public interface Tally<S> {

    /** A group's events after the change, most recent first ({@link EventRef#RECENCY}). */
    interface Timeline {
        /** Read lazily; close the stream. */
        Stream<EventRef> newestFirst();
    }

    /**
     * The summary after one event's version {@code held} (null: not counted yet) was replaced by
     * {@code now} (null: removed); null when the group has no event left.
     */
    S update(String group, S current, EventRef held, EventRef now, Timeline timeline);
}
