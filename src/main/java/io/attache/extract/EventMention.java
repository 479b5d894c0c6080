package io.attache.extract;

import java.util.List;

/**
 * One diplomatic event as reported by one article: the value of {@code events.mentions} and the
 * line format of {@code attache extract}. Dates are partial ISO dates (2025, 2025-09, 2025-09-03).
 */
public record EventMention(
        String articleId,
        EventType type,
        EventStatus status,
        Principal actor,
        List<Principal> participants,
        String hostCountry,
        String location,
        String occasion,
        String date,
        String dateEnd,
        Evidence evidence,
        double confidence,
        String publishedAt,
        String source,
        String url,
        String cameo,
        Plover plover,
        Long ingestedAt) {
}
