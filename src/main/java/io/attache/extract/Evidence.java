package io.attache.extract;

/** The sentence an event was read from, with its character offsets in the article text. */
public record Evidence(String sentence, int start, int end) {
}
