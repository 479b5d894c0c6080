package io.attache.extract;

/**
 * A named person acting for a government, ruling party or international organisation.
 * {@code id} is the knowledge-base slug, or a slug derived from the name when {@code inKb} is false
 * (a person introduced in the text with a nationality and a title).
 */
public record Principal(String id, String name, String country, String role, boolean inKb) {
}
