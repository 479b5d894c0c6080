package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.extract.Extractor;
import io.attache.ingest.Article;
import io.attache.json.JsonSerde;
import io.attache.pipeline.activity.ActivityStage;
import io.attache.pipeline.activity.Contribution;
import io.attache.pipeline.activity.Contributions;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.activity.Tally;
import io.attache.pipeline.dedup.ArticleDedup;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.CanonicalStage;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.topics.Topic;
import io.attache.topics.Topics;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * From accepted articles to event mentions, canonical events, alerts and activity tables:
 * <pre>
 * articles → article-dedup → extract-mentions → events.mentions (key: coarse event key)
 * events.mentions → canonical-events → events.canonical (key: event id) + alerts
 * events.canonical → leader / dyad contributions → repartition by group → summaries → leaders.activity, relations.dyads
 * </pre>
 * The stages meet at declared topics, so each repartition is explicit and each stage can be fed
 * directly. Every processor, store and internal topic is named here.
 */
public final class EventPipeline {

    /** The queryable stores: canonical events by id, leader activity by leader id, dyads by country pair. */
    public static final String EVENTS_STORE = "events-canonical-store";
    public static final String LEADERS_STORE = "leader-activity-store";
    public static final String DYADS_STORE = "dyad-store";

    private EventPipeline() {
    }

    /** The stores that restore from a topic of the pipeline rather than from a changelog of their own. */
    public static Map<String, String> storeSourceTopics(Topics topics) {
        return Map.of(EVENTS_STORE, topics.name(Topics.EVENTS_CANONICAL));
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
                .peek((key, m) -> PipelineMetrics.mention(m), Named.as("mentions-metrics"))
                .process(new CanonicalStage(config.alertHorizonDays()), Named.as("canonical-events"));
        changes.mapValues(CanonicalStage.Change::event, Named.as("canonical-event-values"))
                .peek((id, e) -> PipelineMetrics.event(e), Named.as("events-metrics"))
                .to(canonical.name(), canonical.produced("events-canonical-sink"));
        changes.filter((id, change) -> change.alert() != null, Named.as("alert-filter"))
                .mapValues(CanonicalStage.Change::alert, Named.as("alert-values"))
                .peek((id, alert) -> PipelineMetrics.alert(alert), Named.as("alerts-metrics"))
                .to(topics.alerts().name(), topics.alerts().produced("alerts-sink"));

        // The API's store of events by id (tombstones delete). A source table, so the store restores from
        // events.canonical itself (topology.optimization reuse.ktable.source.topics) rather than from a
        // changelog holding a second copy of every version; uncached, so every version flows on.
        KStream<String, CanonicalEvent> events = builder.table(canonical.name(), canonical.consumed("events-canonical-source"),
                        Materialized.<String, CanonicalEvent, KeyValueStore<Bytes, byte[]>>as(EVENTS_STORE)
                                .withKeySerde(canonical.keySerde()).withValueSerde(canonical.valueSerde())
                                .withCachingDisabled())
                .toStream(Named.as("events-canonical-versions"));
        aggregate(events, "leader-activity", LeaderActivity::leadersOf, topics.leadersActivity(), LeaderActivity.TALLY);
        aggregate(events, "dyad", Dyad::dyadsOf, topics.relationsDyads(), Dyad.TALLY);
    }

    /**
     * One activity table: each event spread over its groups, repartitioned by group, and kept per
     * group by an {@link ActivityStage} (an index of the group's events and its summary).
     */
    private static <A> void aggregate(KStream<String, CanonicalEvent> events, String name,
            Function<CanonicalEvent, Set<String>> groups, Topic<String, A> output, Tally<A> tally) {
        events.process(new Contributions(name + "-groups-store", groups), Named.as(name + "-contributions"))
                .repartition(Repartitioned.<String, Contribution>as(name + "-by-group")
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.serdeFor(Contribution.class)))
                .process(new ActivityStage<>(name, output.valueSerde(), tally),
                        Named.as(name + "-summary"))
                .to(output.name(), output.produced(name + "-sink"));
    }
}
