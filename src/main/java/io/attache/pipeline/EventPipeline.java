package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.extract.Extractor;
import io.attache.ingest.Article;
import io.attache.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** From accepted articles to event mentions, canonical events, alerts and activity tables. */
public final class EventPipeline {

    private EventPipeline() {
    }

    public static void addTo(StreamsBuilder builder, KStream<String, Article> articles, Topics topics,
            AttacheConfig config, Extractor extractor) {
        articles.flatMapValues(extractor::extract, Named.as("extract-mentions"))
                .to(topics.eventsMentions().name(), topics.eventsMentions().produced("events-mentions-sink"));
    }
}
