package io.attache.pipeline.activity;

import java.util.Map;
import java.util.TreeMap;

/** Counters of the activity summaries: immutable maps from a key to a positive count. */
final class Counts {

    private Counts() {
    }

    /** The counts with {@code key} moved by {@code delta}; a key whose count reaches zero is dropped. */
    static <K> Map<K, Integer> plus(Map<K, Integer> counts, K key, int delta) {
        TreeMap<K, Integer> next = new TreeMap<>(counts);
        int n = next.getOrDefault(key, 0) + delta;
        if (n > 0) {
            next.put(key, n);
        } else {
            next.remove(key);
        }
        return next;
    }
}
