package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.util.List;

/**
 * One real-world event merged from every report of it: the value of the compacted
 * {@code events.canonical} topic, keyed by {@code eventId}. {@code sources} counts distinct reports
 * after folding syndicated near-copies (their URLs all stay in {@code urls}); {@code firstSeen} and
 * {@code lastUpdated} are the earliest and latest publication times of its articles, so the record
 * depends only on the articles, never on when they were processed.
 */
public record CanonicalEvent(
        String eventId,
        String eventKey,
        EventType type,
        EventStatus status,
        Principal actor,
        List<Principal> participants,
        String hostCountry,
        String location,
        String occasion,
        String date,
        String dateEnd,
        List<String> articles,
        List<String> urls,
        int sources,
        List<StatusChange> statusHistory,
        String firstSeen,
        String lastUpdated,
        double confidence) {

    public CanonicalEvent {
        participants = List.copyOf(participants);
        articles = List.copyOf(articles);
        urls = List.copyOf(urls);
        statusHistory = List.copyOf(statusHistory);
    }
}
