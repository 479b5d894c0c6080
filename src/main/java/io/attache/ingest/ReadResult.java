package io.attache.ingest;

/**
 * What reading one input yields: an article that meets {@link ArticleContract} in the form it will be
 * published, or a rejection naming where ({@code file:line}, {@code stdin:line} or a URL) and why.
 */
public sealed interface ReadResult permits ReadResult.Accepted, ReadResult.Rejected {

    /** Where the input came from, e.g. {@code news/2025-09.jsonl:12}. */
    String origin();

    record Accepted(String origin, Article article) implements ReadResult {
    }

    /** @param reason a {@link ArticleContract.Reason} name or an input failure such as {@code UNREADABLE} */
    record Rejected(String origin, String reason, String detail) implements ReadResult {

        /** One report line, e.g. {@code a.jsonl:3: INVALID_JSON: Unexpected character}. */
        public String describe() {
            return origin + ": " + reason + ": " + detail;
        }
    }
}
