package io.attache.pipeline.dedup;

import io.attache.ingest.ArticleContract;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SimHash() {
    }

    /** @return the fingerprint as 16 hex digits, or null for a text too short to fingerprint */
    public static String fingerprint(String text) {
        return fingerprintOfNormalized(ArticleContract.normalize(text));
    }

    /** {@link #fingerprint} of a text already {@link ArticleContract#normalize normalized}. */
    public static String fingerprintOfNormalized(String normalized) {
        String[] words = NOT_WORD.split(normalized);
        List<String> tokens = new ArrayList<>(words.length);
        for (String w : words) {
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        if (tokens.size() < MIN_WORDS) {
            return null;
        }
        int[] votes = new int[64];
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            long h = hash(tokens, i);
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

    /** FNV-1a over the UTF-16 code units, then a 64-bit finalizer so every bit depends on every char. */
    /** FNV-1a over the shingle's words joined by single spaces, then a 64-bit finalizer. */
    private static long hash(List<String> tokens, int from) {
        long h = 0xcbf29ce484222325L;
        for (int t = from; t < from + SHINGLE; t++) {
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
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
