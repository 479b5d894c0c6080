package io.attache.ingest;

/**
 * One news article as carried on {@code articles.raw} after validation: the input contract of
 * ANNOTATION.md section 7. {@code publishedAt} is an ISO date or instant; {@code ingestedAt} is the
 * epoch-millis time the article entered the pipeline (the record timestamp when the producer set
 * none), kept so that end-to-end latency can be measured at every stage.
 */
public record Article(
        String id,
        String url,
        String source,
        String publishedAt,
        String title,
        String text,
        String language,
        Long ingestedAt) {
}
