package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.extract.Extractor;
import io.attache.ingest.Article;
import io.attache.json.JsonSerde;
import io.attache.pipeline.activity.Contributions;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.EventRef;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.dedup.ArticleDedup;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.CanonicalStage;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.topics.Topic;
import io.attache.topics.Topics;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * From accepted articles to event mentions, canonical events, alerts and activity tables:
 * <pre>
 * articles → article-dedup → extract-mentions → events.mentions (key: coarse event key)
 * events.mentions → canonical-events → events.canonical (key: event id) + alerts
 * events.canonical → leader / dyad contributions → groupBy + aggregate → leaders.activity, relations.dyads
 * </pre>
 * The stages meet at declared topics, so each repartition is explicit and each stage can be fed
 * directly. Every processor, store and internal topic is named here.
 */
public final class EventPipeline {

    private EventPipeline() {
    }

    public static void addTo(StreamsBuilder builder, KStream<String, Article> articles, Topics topics,
            AttacheConfig config, Extractor extractor) {
        Topic<String, EventMention> mentions = topics.eventsMentions();
        articles.process(new ArticleDedup(), Named.as("article-dedup"))
                .flatMap((id, article) -> extractor.extract(article).stream()
                        .map(m -> KeyValue.pair(EventKeys.coarseKey(m.type(), m.actor(), m.participants(), m.hostCountry()), m))
                        .toList(), Named.as("extract-mentions"))
                .to(mentions.name(), mentions.produced("events-mentions-sink"));

        Topic<String, CanonicalEvent> canonical = topics.eventsCanonical();
        KStream<String, CanonicalStage.Change> changes = builder.stream(mentions.name(), mentions.consumed("events-mentions-source"))
                .process(new CanonicalStage(config.alertHorizonDays()), Named.as("canonical-events"));
        changes.mapValues(CanonicalStage.Change::event, Named.as("canonical-event-values"))
                .to(canonical.name(), canonical.produced("events-canonical-sink"));
        changes.filter((id, change) -> change.alert() != null, Named.as("alert-filter"))
                .mapValues(CanonicalStage.Change::alert, Named.as("alert-values"))
                .to(topics.alerts().name(), topics.alerts().produced("alerts-sink"));

        KStream<String, CanonicalEvent> events = builder.stream(canonical.name(), canonical.consumed("events-canonical-source"));
        aggregate(events, "leader-activity", LeaderActivity::leadersOf, topics.leadersActivity(),
                LeaderActivity::add, LeaderActivity::subtract);
        aggregate(events, "dyad", Dyad::dyadsOf, topics.relationsDyads(), Dyad::add, Dyad::subtract);
    }

    /**
     * One activity table: each event spread over its groups, read as a table keyed
     * {@code group#event}, regrouped by group and aggregated with an adder and a subtractor.
     */
    private static <A> void aggregate(KStream<String, CanonicalEvent> events, String name,
            Function<CanonicalEvent, Set<String>> groups, Topic<String, A> output,
            Aggregator<String, EventRef, A> adder, Aggregator<String, EventRef, A> subtractor) {
        Serde<EventRef> refs = JsonSerde.serdeFor(EventRef.class);
        events.process(new Contributions(name + "-groups-store", groups), Named.as(name + "-contributions"))
                .toTable(Named.as(name + "-contributions-table"),
                        Materialized.<String, EventRef, KeyValueStore<Bytes, byte[]>>as(name + "-contributions-store")
                                .withKeySerde(Serdes.String()).withValueSerde(refs))
                .groupBy((key, ref) -> KeyValue.pair(Contributions.group(key), ref),
                        Grouped.with(name + "-by-group", Serdes.String(), refs))
                .aggregate(() -> null, adder, subtractor, Named.as(name + "-aggregate"),
                        Materialized.<String, A, KeyValueStore<Bytes, byte[]>>as(name + "-store")
                                .withKeySerde(Serdes.String()).withValueSerde(output.valueSerde()))
                .toStream(Named.as(name + "-changes"))
                .to(output.name(), output.produced(name + "-sink"));
    }
}
