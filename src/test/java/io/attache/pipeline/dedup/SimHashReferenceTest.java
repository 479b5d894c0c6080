package io.attache.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.ingest.Article;
import io.attache.ingest.ArticleContract;
import io.attache.ingest.TextSamples;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are kept in state and compared across versions of the app, so the single-pass
 * {@link SimHash} must give exactly the fingerprints of its first version, kept here as the oracle:
 * a regex split into words, FNV-1a over each shingle's words joined by a space, one vote per bit.
 */
@DisplayName("SimHash against its first, regex-based version")
class SimHashReferenceTest {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Test
    @DisplayName("Corpus articles and synthetic news get the same fingerprints as before")
    void articles() {
        List<String> texts = new ArrayList<>(TextSamples.corpusTexts());
        TextSamples.synthetic(1500).stream().map(Article::text).forEach(texts::add);
        int fingerprinted = 0;
        for (String text : texts) {
            String normalized = ArticleContract.normalize(text);
            String expected = reference(normalized);
            assertThat(SimHash.fingerprintOfNormalized(normalized)).as(text).isEqualTo(expected);
            fingerprinted += expected == null ? 0 : 1;
        }
        assertThat(fingerprinted).isGreaterThan(1500);
    }

    @Test
    @DisplayName("Generated texts mixing scripts, marks, surrogates and separators get the same fingerprints as before")
    void generated() {
        Random random = new Random(42);
        int fingerprinted = 0;
        for (int i = 0; i < 6000; i++) {
            String text = TextSamples.generated(random, i % 2 == 0 ? 40 : 400);
            String expected = reference(text);
            assertThat(SimHash.fingerprintOfNormalized(text)).as(text).isEqualTo(expected);
            String normalized = ArticleContract.normalize(text);
            assertThat(SimHash.fingerprintOfNormalized(normalized)).as(normalized).isEqualTo(reference(normalized));
            fingerprinted += expected == null ? 0 : 1;
        }
        assertThat(fingerprinted).isGreaterThan(1000);
    }

    @Test
    @DisplayName("Texts just under, at and over the word threshold, with any separator, match the old version")
    void threshold() {
        for (String separator : List.of(" ", "  ", ", ", "\u2014", "\uD83D\uDE00", "\u0301", "\n")) {
            for (int words = SimHash.MIN_WORDS - 2; words <= SimHash.MIN_WORDS + 2; words++) {
                for (String edge : List.of("", " ", "...", "\uD83D\uDE00")) {
                    String text = edge + TextSamples.words(words, separator) + edge;
                    assertThat(SimHash.fingerprintOfNormalized(text)).as(text).isEqualTo(reference(text));
                }
            }
        }
        assertThat(SimHash.fingerprintOfNormalized(TextSamples.words(SimHash.MIN_WORDS - 1, " "))).isNull();
        assertThat(SimHash.fingerprintOfNormalized(TextSamples.words(SimHash.MIN_WORDS, " "))).isNotNull();
        for (String text : List.of("", " ", "...", "\uD83D\uDE00", "\uD800", "\r\n")) {
            assertThat(SimHash.fingerprintOfNormalized(text)).isNull();
        }
    }

    private static String reference(String normalized) {
        String[] words = NOT_WORD.split(normalized);
        List<String> tokens = new ArrayList<>(words.length);
        for (String w : words) {
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        if (tokens.size() < SimHash.MIN_WORDS) {
            return null;
        }
        int[] votes = new int[64];
        for (int i = 0; i + 3 <= tokens.size(); i++) {
            long h = referenceHash(tokens, i);
            for (int b = 0; b < 64; b++) {
                votes[b] += (h >>> b & 1L) == 1L ? 1 : -1;
            }
        }
        long fp = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                fp |= 1L << b;
            }
        }
        return HexFormat.of().toHexDigits(fp);
    }

    private static long referenceHash(List<String> tokens, int from) {
        long h = 0xcbf29ce484222325L;
        for (int t = from; t < from + 3; t++) {
            if (t > from) {
                h ^= ' ';
                h *= 0x100000001b3L;
            }
            String s = tokens.get(t);
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        // the finalizer did not change; the shingle hashing before it is the reference
        return SimHash.finish(h);
    }
}
