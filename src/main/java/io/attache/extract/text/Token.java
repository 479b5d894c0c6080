package io.attache.extract.text;

/**
 * A token of a sentence: {@code text} as written, {@code norm} folded, offsets into the article text.
 * {@code word} is false for punctuation.
 */
public record Token(String text, String norm, int start, int end, boolean word) {

    public boolean capitalized() {
        return word && Character.isUpperCase(text.charAt(0));
    }

    public boolean is(String folded) {
        return norm.equals(folded);
    }
}
