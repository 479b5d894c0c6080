package io.attache.extract.text;

import java.util.List;

/** A sentence with its offsets in the article text and its tokens; {@code index} counts from 0. */
public record Sentence(int index, String text, int start, int end, List<Token> tokens, boolean line) {
}
