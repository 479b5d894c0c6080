package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.extract.Extractor;
import io.attache.extract.RuleExtractor;
import io.attache.ingest.Article;
import io.attache.topics.Topics;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/** Builds attache's whole Kafka Streams topology: the one place tests and the app get it from. */
public final class AttacheTopology {

    private AttacheTopology() {
    }

    /**
     * @param props the streams properties the topology will run with (naming enforcement and
     *              optimizations are read from them)
     */
    public static Topology build(AttacheConfig config, Extractor extractor, Properties props) {
        Topics topics = new Topics(config.topicPrefix());
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Article> articles = ArticleIntake.addTo(builder, topics, config);
        EventPipeline.addTo(builder, articles, topics, config, extractor);
        if (extractor instanceof RuleExtractor rules) {
            LeaderEdits.addTo(builder, topics, rules);
        }
        return builder.build(props);
    }
}
