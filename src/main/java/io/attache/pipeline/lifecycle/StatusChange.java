package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;

/** One article's report of an event's status, as listed in the event's status history. */
public record StatusChange(EventStatus status, String articleId, String publishedAt) {
}
