package io.attache.pipeline.activity;

/**
 * One event's current version as it counts for one group (a leader, a country pair), keyed by
 * the group on the activity repartition topics; {@code ref} null when the event no longer counts.
 */
public record Contribution(String eventId, EventRef ref) {
}
