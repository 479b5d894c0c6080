package io.attache.extract;

/** The equivalent PLOVER event type and mode, for users lining our output up with POLECAT. */
public record Plover(String type, String mode) {
}
