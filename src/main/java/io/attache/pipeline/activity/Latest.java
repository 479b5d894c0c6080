package io.attache.pipeline.activity;

import java.util.stream.Stream;

/** The most recent event of a group ({@link EventRef#RECENCY}), kept incrementally. */
final class Latest {

    private Latest() {
    }

    /**
     * The latest event after {@code held} (null: new) was replaced by {@code now} (null: removed),
     * re-read from the head of the timeline only when the latest went back or away.
     */
    static EventRef after(EventRef latest, int countAfter, EventRef held, EventRef now, Tally.Timeline timeline) {
        if (countAfter == 0) {
            return null;
        }
        boolean heldWasLatest = held != null && latest != null && latest.eventId().equals(held.eventId());
        EventRef next;
        if (!heldWasLatest) {
            next = now != null && (latest == null || EventRef.RECENCY.compare(now, latest) > 0) ? now : latest;
        } else {
            next = now != null && EventRef.RECENCY.compare(now, held) >= 0 ? now : null;
        }
        if (next == null) {
            try (Stream<EventRef> head = timeline.newestFirst()) {
                return head.findFirst().orElse(null);
            }
        }
        return next;
    }
}
