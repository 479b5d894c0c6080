package io.attache.extract.events;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.extract.text.Sentence;
import java.util.List;

/**
 * One event read from one sentence, before mentions of the same event in the article are merged.
 * {@code ended} marks a visit the text reports as over (returned from, left, wrapped up).
 */
public record Draft(EventType type, EventStatus status, Principal actor, List<Principal> participants, String host,
        String location, String occasion, String date, String dateEnd, Sentence sentence, double confidence,
        boolean ended) {
}
