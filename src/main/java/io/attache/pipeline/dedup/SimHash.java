package io.attache.pipeline.dedup;

import io.attache.ingest.ArticleContract;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * 64-bit SimHash over word 3-shingles of the normalized article text: syndicated copies of one wire
 * story (same body, different site furniture, a changed headline or byline) land a few bits apart,
 * different stories about the same subject about half the bits apart.
 *
 * <p>Threshold: two fingerprints at most {@link #MAX_DISTANCE} bits apart are one report. Measured
 * on our test texts, a 400-word story with different boilerplate or a few edited sentences stays
 * under it and unrelated stories on one topic sit far above it. Texts under
 * {@link #MIN_WORDS} words get no fingerprint: short texts collide too easily to fold safely.
 */
public final class SimHash {

    public static final int MAX_DISTANCE = 10;
    public static final int MIN_WORDS = 60;
    private static final int SHINGLE = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The Unicode categories of {@code \p{L}} and {@code \p{N}}, as bits of {@link Character#getType}. */
    private static final long WORD_TYPES = 1L << Character.UPPERCASE_LETTER | 1L << Character.LOWERCASE_LETTER
            | 1L << Character.TITLECASE_LETTER | 1L << Character.MODIFIER_LETTER | 1L << Character.OTHER_LETTER
            | 1L << Character.DECIMAL_DIGIT_NUMBER | 1L << Character.LETTER_NUMBER | 1L << Character.OTHER_NUMBER;
    private static final boolean[] ASCII_WORD = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_WORD[c] = isWord(c);
        }
    }

    private SimHash() {
    }

    /** @return the fingerprint as 16 hex digits, or null for a text too short to fingerprint */
    public static String fingerprint(String text) {
        return fingerprintOfNormalized(ArticleContract.normalize(text));
    }

    /** {@link #fingerprint} of a text already {@link ArticleContract#normalize normalized}. */
    public static String fingerprintOfNormalized(String normalized) {
        // One pass over the chars, no word list: each word is hashed into the three shingles it belongs
        // to at once (the one it starts, and the two that started one and two words before), and a
        // shingle votes as soon as its third word ends. Words are the runs of letters and digits the
        // former regex split, [^\p{L}\p{N}]+, left, taken code point by code point as it did.
        char[] cs = normalized.toCharArray();
        int n = cs.length;
        Tally tally = new Tally();
        long fromLast = 0; // the shingle that began with the last word
        long fromSecondLast = 0; // the shingle that began with the word before it
        int words = 0;
        int i = 0;
        while (true) {
            while (i < n) {
                char c = cs[i];
                if (c < 0x80) {
                    if (ASCII_WORD[c]) {
                        break;
                    }
                    i++;
                } else {
                    int cp = Character.codePointAt(cs, i, n);
                    if (isWord(cp)) {
                        break;
                    }
                    i += Character.charCount(cp);
                }
            }
            if (i == n) {
                break;
            }
            long begun = FNV_OFFSET;
            long ending = (fromSecondLast ^ ' ') * FNV_PRIME;
            long middle = (fromLast ^ ' ') * FNV_PRIME;
            while (i < n) {
                char c = cs[i];
                if (c < 0x80) {
                    if (!ASCII_WORD[c]) {
                        break;
                    }
                } else {
                    int cp = Character.codePointAt(cs, i, n);
                    if (!isWord(cp)) {
                        break;
                    }
                    if (Character.isSupplementaryCodePoint(cp)) {
                        begun = (begun ^ c) * FNV_PRIME;
                        middle = (middle ^ c) * FNV_PRIME;
                        ending = (ending ^ c) * FNV_PRIME;
                        c = cs[++i];
                    }
                }
                begun = (begun ^ c) * FNV_PRIME;
                middle = (middle ^ c) * FNV_PRIME;
                ending = (ending ^ c) * FNV_PRIME;
                i++;
            }
            if (++words >= SHINGLE) {
                tally.add(finish(ending));
            }
            fromSecondLast = middle;
            fromLast = begun;
        }
        return words < MIN_WORDS ? null : HexFormat.of().toHexDigits(tally.majority());
    }

    private static boolean isWord(int codePoint) {
        return (WORD_TYPES >>> Character.getType(codePoint) & 1) != 0;
    }

    public static int distance(String a, String b) {
        return Long.bitCount(HexFormat.fromHexDigitsToLong(a) ^ HexFormat.fromHexDigitsToLong(b));
    }

    public static boolean nearDuplicates(String a, String b) {
        return a != null && b != null && distance(a, b) <= MAX_DISTANCE;
    }

    /**
     * Folds articles into reports: articles linked by a chain of near-duplicate fingerprints are one
     * report. Depends only on the set, not on the order articles arrived in.
     *
     * @param fingerprints article id to fingerprint (null: the article is a report of its own)
     * @return article id to the smallest article id of its report
     */
    public static Map<String, String> reports(Map<String, String> fingerprints) {
        List<String> ids = fingerprints.keySet().stream().sorted().toList();
        Map<String, String> parent = new HashMap<>();
        ids.forEach(id -> parent.put(id, id));
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (nearDuplicates(fingerprints.get(ids.get(i)), fingerprints.get(ids.get(j)))) {
                    String ri = root(parent, ids.get(i));
                    String rj = root(parent, ids.get(j));
                    parent.put(ri.compareTo(rj) < 0 ? rj : ri, ri.compareTo(rj) < 0 ? ri : rj);
                }
            }
        }
        Map<String, String> report = new HashMap<>();
        ids.forEach(id -> report.put(id, root(parent, id)));
        return report;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /** The 64-bit finalizer applied to a shingle's FNV-1a hash, so that every bit depends on every char. */
    static long finish(long fnv) {
        long h = fnv;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Per-bit counts of set bits over the shingle hashes, eight bits per add: byte k of lane j counts
     * bit 8k+j, and lanes empty into the int counts before a byte can overflow. A bit is set in the
     * fingerprint when more shingles have it set than not (the former +1/-1 vote above zero).
     */
    private static final class Tally {
        private static final long LOW_BIT_OF_EACH_BYTE = 0x0101010101010101L;
        private final long[] lanes = new long[8];
        private final int[] ones = new int[64];
        private int pending;
        private int added;

        void add(long h) {
            for (int j = 0; j < 8; j++) {
                lanes[j] += h >>> j & LOW_BIT_OF_EACH_BYTE;
            }
            added++;
            if (++pending == 255) {
                flush();
            }
        }

        private void flush() {
            for (int j = 0; j < 8; j++) {
                for (int k = 0; k < 8; k++) {
                    ones[8 * k + j] += (int) (lanes[j] >>> 8 * k) & 0xff;
                }
                lanes[j] = 0;
            }
            pending = 0;
        }

        long majority() {
            flush();
            long fp = 0;
            for (int b = 0; b < 64; b++) {
                if (2 * ones[b] > added) {
                    fp |= 1L << b;
                }
            }
            return fp;
        }
    }
}
