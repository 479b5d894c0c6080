package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;

/**
 * The value of {@code alerts}, keyed by event id: an event was first seen or changed status.
 * {@code detectedAt} is the wall-clock time the pipeline noticed it; {@code ingestedAt} the time
 * the triggering article entered the pipeline, so their difference is the end-to-end latency.
 */
public record Alert(
        Kind kind,
        String eventId,
        EventStatus previousStatus,
        EventStatus status,
        String articleId,
        String publishedAt,
        String detectedAt,
        Long ingestedAt,
        CanonicalEvent event) {

    public enum Kind {
        NEW_EVENT, STATUS_CHANGED
    }
}
