package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.ingest.Article;
import io.attache.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/** The door of the pipeline: reads {@code articles.raw} through the article contract. */
public final class ArticleIntake {

    private ArticleIntake() {
    }

    public static KStream<String, Article> addTo(StreamsBuilder builder, Topics topics, AttacheConfig config) {
        return builder.stream(topics.articlesRaw(config.maxArticleBytes()).name(),
                topics.articlesRaw(config.maxArticleBytes()).consumed("articles-raw-source"));
    }
}
