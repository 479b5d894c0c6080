package io.attache.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The counts of one ingest run: inputs read, articles published, duplicates skipped (same id seen
 * earlier in the run) and inputs rejected, by reason.
 */
public record IngestSummary(long read, long published, long duplicates, long rejected, Map<String, Long> reasons) {

    public IngestSummary {
        reasons = Map.copyOf(reasons);
    }

    /** e.g. {@code ingest: read 1000, published 997, skipped 0 duplicates, rejected 3 (BINARY 1, EMPTY 1, INVALID_JSON 1)} */
    public String line(boolean dryRun) {
        String why = reasons.isEmpty() ? "" : new TreeMap<>(reasons).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
        return "ingest: read " + read + ", " + (dryRun ? "valid " : "published ") + published + ", skipped "
                + duplicates + " duplicates, rejected " + rejected + why;
    }
}
