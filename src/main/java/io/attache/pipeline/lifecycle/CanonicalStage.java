package io.attache.pipeline.lifecycle;

import io.attache.extract.EventMention;
import io.attache.json.JsonSerde;
import io.attache.pipeline.dedup.ArticleDedup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns mentions into canonical events and alerts. Per coarse key it keeps every mention summary
 * (one store entry each, so an arrival writes one mention however many the key holds) and, on
 * each arrival, re-clusters the full set ({@link EventClusters}) and compares the result
 * with the clusters of the set before: changed events are upserted, events whose id disappeared
 * (clusters re-formed) are tombstoned, so the compacted table ends the same whatever the arrival
 * order. A mention already held (a redelivered article) changes nothing and alerts nothing.
 */
public final class CanonicalStage implements ProcessorSupplier<String, EventMention, String, CanonicalStage.Change> {

    public static final String STORE = "canonical-mention-store";
    /** Between a coarse key and a mention's identity in a store key; neither contains it. */
    private static final char SEPARATOR = '\u0000';

    /** One event's new version (null: deleted) and the alert it raises (null: none). */
    public record Change(CanonicalEvent event, Alert alert) {
    }

    private final int alertHorizonDays;

    public CanonicalStage(int alertHorizonDays) {
        this.alertHorizonDays = alertHorizonDays;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                JsonSerde.serdeFor(MentionSummary.class)));
    }

    @Override
    public Processor<String, EventMention, String, Change> get() {
        return new Stage(alertHorizonDays);
    }

    /** One coarse key's mentions, their clusters and the events made of them. */
    private record Clustered(List<MentionSummary> mentions, List<List<MentionSummary>> clusters, List<CanonicalEvent> events) {

        /** @param previous an earlier clustering of the key, whose events are reused for clusters it already had */
        static Clustered of(String key, List<MentionSummary> mentions, Clustered previous) {
            // By first member, the same instance (the new mentions reuse the old ones): hashing whole clusters
            // would read every field of every mention. A miss only costs building the event again.
            Map<MentionSummary, Integer> byAnchor = new IdentityHashMap<>();
            if (previous != null) {
                for (int i = 0; i < previous.clusters().size(); i++) {
                    byAnchor.put(previous.clusters().get(i).get(0), i);
                }
            }
            List<List<MentionSummary>> clusters = EventClusters.cluster(mentions);
            return new Clustered(mentions, clusters, clusters.stream().map(c -> {
                Integer i = byAnchor.get(c.get(0));
                return i != null && previous.clusters().get(i).equals(c) ? previous.events().get(i) : EventClusters.toEvent(key, c);
            }).toList());
        }
    }

    private static final class Stage implements Processor<String, EventMention, String, Change> {

        private static final Logger LOG = LoggerFactory.getLogger(CanonicalStage.class);
        /**
         * Mentions whose key's last clustering is remembered (per task), most recently used keys kept: a
         * bound on heap by what the memory holds, as one busy key may carry thousands of mentions.
         */
        private static final int REMEMBERED_MENTIONS = 10_000;

        private final int alertHorizonDays;
        /**
         * The clustering computed at a key's last arrival, which is the "before" of its next one:
         * remembered, an arrival neither reads the key's mentions back nor clusters them twice. It
         * moves in step with the store: forgotten when the task is (re)initialized, as after an
         * aborted transaction the store is restored, and when an arrival fails midway.
         */
        private final LinkedHashMap<String, Clustered> lastClustered = new LinkedHashMap<>(256, 0.75f, true);
        private int rememberedMentions;
        private ProcessorContext<String, Change> context;
        private KeyValueStore<String, MentionSummary> store;

        Stage(int alertHorizonDays) {
            this.alertHorizonDays = alertHorizonDays;
        }

        @Override
        public void init(ProcessorContext<String, Change> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
            lastClustered.clear();
            rememberedMentions = 0;
        }

        @Override
        public void process(Record<String, EventMention> record) {
            EventMention m = record.value();
            if (m == null || m.type() == null || m.status() == null || m.actor() == null || m.articleId() == null) {
                LOG.warn("mention on key {} skipped: it lacks a type, status, actor or article id: {}", record.key(), m);
                return;
            }
            String published = m.publishedAt() != null ? m.publishedAt() : Instant.ofEpochMilli(record.timestamp()).toString();
            MentionSummary mention = MentionSummary.of(m, published, header(record, ArticleDedup.TEXT_HASH_HEADER),
                    header(record, ArticleDedup.FINGERPRINT_HEADER));
            String key = EventKeys.coarseKey(mention);
            String entry = key + SEPARATOR + mention.identity();
            if (mention.equals(store.get(entry))) {
                return;
            }
            try {
                arrive(record, key, entry, mention);
            } catch (RuntimeException e) {
                forget(key);
                throw e;
            }
        }

        private void arrive(Record<String, EventMention> record, String key, String entry, MentionSummary mention) {
            Clustered old = lastClustered.get(key);
            if (old == null) {
                old = Clustered.of(key, storedMentions(key), null);
            }
            List<MentionSummary> after = new ArrayList<>(old.mentions());
            after.removeIf(o -> o.identity().equals(mention.identity()));
            after.add(mention);
            after.sort(MentionSummary.PUBLICATION_ORDER);
            // Stamped with the task's stream time, never older than the event's previous version: an event's
            // versions come from this task only, and a table reading them sees no out-of-order update.
            Record<String, EventMention> out = record.withHeaders(new RecordHeaders())
                    .withTimestamp(Math.max(record.timestamp(), context.currentStreamTimeMs()));

            Map<String, CanonicalEvent> oldEvents = new LinkedHashMap<>();
            Map<String, String> oldEventOf = new HashMap<>();
            Map<String, String> oldAnchors = new HashMap<>();
            for (int i = 0; i < old.clusters().size(); i++) {
                CanonicalEvent e = old.events().get(i);
                List<MentionSummary> c = old.clusters().get(i);
                oldEvents.put(e.eventId(), e);
                oldAnchors.put(e.eventId(), c.get(0).identity());
                c.forEach(o -> oldEventOf.put(o.identity(), e.eventId()));
            }
            Clustered now = Clustered.of(key, List.copyOf(after), old);
            store.put(entry, mention);
            remember(key, now);
            List<List<MentionSummary>> clusters = now.clusters();
            List<CanonicalEvent> newEvents = now.events();
            Set<String> newIds = newEvents.stream().map(CanonicalEvent::eventId).collect(Collectors.toSet());
            // Deletions go first: where old and new id share a partition, no table downstream ever holds the event twice.
            oldEvents.keySet().stream().filter(id -> !newIds.contains(id))
                    .forEach(id -> context.forward(out.withKey(id).withValue(new Change(null, null))));
            for (int i = 0; i < clusters.size(); i++) {
                CanonicalEvent e = newEvents.get(i);
                CanonicalEvent previous = predecessor(clusters.get(i), oldEventOf, oldAnchors, oldEvents);
                Alert alert = AlertRules.silent(previous, e, mention.publishedDay(), alertHorizonDays) ? null
                        : AlertRules.kind(previous, e).map(kind -> new Alert(kind, e.eventId(),
                                previous == null ? null : previous.status(), e.status(), mention.articleId(),
                                mention.publishedAt(), mention.source(), Instant.ofEpochMilli(context.currentSystemTimeMs()).toString(),
                                record.value().ingestedAt(), e)).orElse(null);
                if (alert != null || !e.equals(oldEvents.get(e.eventId()))) {
                    context.forward(out.withKey(e.eventId()).withValue(new Change(e, alert)));
                }
            }
        }

        private void remember(String key, Clustered clustered) {
            forget(key);
            lastClustered.put(key, clustered);
            rememberedMentions += clustered.mentions().size();
            Iterator<Clustered> eldest = lastClustered.values().iterator();
            while (rememberedMentions > REMEMBERED_MENTIONS && lastClustered.size() > 1) {
                rememberedMentions -= eldest.next().mentions().size();
                eldest.remove();
            }
        }

        private void forget(String key) {
            Clustered gone = lastClustered.remove(key);
            if (gone != null) {
                rememberedMentions -= gone.mentions().size();
            }
        }

        /** The key's mentions as stored, in publication order. */
        private List<MentionSummary> storedMentions(String key) {
            List<MentionSummary> mentions = new ArrayList<>();
            try (KeyValueIterator<String, MentionSummary> it = store.prefixScan(key + SEPARATOR, Serdes.String().serializer())) {
                it.forEachRemaining(kv -> mentions.add(kv.value));
            }
            mentions.sort(MentionSummary.PUBLICATION_ORDER);
            return List.copyOf(mentions);
        }

        private static String header(Record<?, ?> record, String name) {
            Header h = record.headers().lastHeader(name);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }

        /**
         * The earlier version of an event, whatever id it had: of the old events whose earliest
         * mention is in it, the one sharing most of its mentions (smallest id on a tie). A part
         * split off an old event is new; an event re-anchored by an older report is not.
         */
        private static CanonicalEvent predecessor(List<MentionSummary> cluster, Map<String, String> oldEventOf,
                Map<String, String> oldAnchors, Map<String, CanonicalEvent> oldEvents) {
            Set<String> identities = cluster.stream().map(MentionSummary::identity).collect(Collectors.toSet());
            Map<String, Integer> shared = new HashMap<>();
            cluster.stream().map(o -> oldEventOf.get(o.identity()))
                    .filter(id -> id != null && identities.contains(oldAnchors.get(id)))
                    .forEach(id -> shared.merge(id, 1, Integer::sum));
            return shared.entrySet().stream()
                    .max(Comparator.comparing(Map.Entry<String, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(e -> oldEvents.get(e.getKey())).orElse(null);
        }
    }
}
