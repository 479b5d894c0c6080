package io.attache.topics;

import io.attache.extract.EventMention;
import io.attache.ingest.Article;
import io.attache.ingest.ArticleSerde;
import io.attache.json.JsonSerde;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed registry of attache's topics for one topic prefix. Every name here is declared in
 * {@code topics/topics.yaml}; a test keeps the two in step.
 */
public final class Topics {

    public static final String ARTICLES_RAW = "articles.raw";
    public static final String ARTICLES_DLQ = "articles.dlq";
    public static final String EVENTS_MENTIONS = "events.mentions";
    public static final String EVENTS_CANONICAL = "events.canonical";
    public static final String ALERTS = "alerts";
    public static final String LEADERS_ACTIVITY = "leaders.activity";
    public static final String RELATIONS_DYADS = "relations.dyads";
    public static final String REFERENCE_LEADERS = "reference.leaders";

    /** Every topic name the code uses, unprefixed. */
    public static final List<String> NAMES = List.of(ARTICLES_RAW, ARTICLES_DLQ, EVENTS_MENTIONS, EVENTS_CANONICAL,
            ALERTS, LEADERS_ACTIVITY, RELATIONS_DYADS, REFERENCE_LEADERS);

    private final String prefix;

    public Topics(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String name(String logical) {
        return prefix + logical;
    }

    public String prefix() {
        return prefix;
    }

    /** Raw input; the value serde enforces the article contract, so bad input reaches the DLQ. */
    public Topic<String, Article> articlesRaw(int maxArticleBytes) {
        return new Topic<>(name(ARTICLES_RAW), Serdes.String(), ArticleSerde.create(maxArticleBytes));
    }

    public Topic<byte[], byte[]> articlesDlq() {
        return new Topic<>(name(ARTICLES_DLQ), Serdes.ByteArray(), Serdes.ByteArray());
    }

    public Topic<String, EventMention> eventsMentions() {
        return new Topic<>(name(EVENTS_MENTIONS), Serdes.String(), JsonSerde.serdeFor(EventMention.class));
    }

    /** Compacted; key = event id. A null value deletes an event whose reports re-formed under another id. */
    public Topic<String, CanonicalEvent> eventsCanonical() {
        return new Topic<>(name(EVENTS_CANONICAL), Serdes.String(), JsonSerde.serdeFor(CanonicalEvent.class));
    }

    public Topic<String, Alert> alerts() {
        return new Topic<>(name(ALERTS), Serdes.String(), JsonSerde.serdeFor(Alert.class));
    }

    /** Compacted; key = leader id. */
    public Topic<String, LeaderActivity> leadersActivity() {
        return new Topic<>(name(LEADERS_ACTIVITY), Serdes.String(), JsonSerde.serdeFor(LeaderActivity.class));
    }

    /** Compacted; key = two ISO country codes, sorted, joined by '|'. */
    public Topic<String, Dyad> relationsDyads() {
        return new Topic<>(name(RELATIONS_DYADS), Serdes.String(), JsonSerde.serdeFor(Dyad.class));
    }
}
