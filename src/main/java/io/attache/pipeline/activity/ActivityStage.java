package io.attache.pipeline.activity;

import io.attache.json.JsonSerde;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
 * Keeps one activity table (per leader, or per country pair) from the contributions of events to
 * groups, partitioned by group. Each group's events are held twice: by id ({@code *-events-store},
 * key {@code group#eventId}), to find the version a new one replaces, and in recency order
 * ({@code *-timeline-store}), so that a summary field holding the latest of something is re-read
 * from the first few entries. The summary ({@link Tally}) is updated incrementally, so the work per
 * change does not grow with a group's history. A contribution equal to what the index holds (a
 * replay after a crash) changes nothing.
 */
public final class ActivityStage<S> implements ProcessorSupplier<String, Contribution, String, S> {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityStage.class);
    private static final char SEPARATOR = '#';
    /** Below every character of a key part, so timeline keys sort as (group, day, last update, id). */
    private static final char PART = '\u0000';

    private final String name;
    private final Serde<S> summarySerde;
    private final Tally<S> tally;

    /** @param name the table's name: stores {@code name-events-store}, {@code name-timeline-store} and {@code name-store} */
    public ActivityStage(String name, Serde<S> summarySerde, Tally<S> tally) {
        this.name = name;
        this.summarySerde = summarySerde;
        this.tally = tally;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Serde<EventRef> refs = JsonSerde.serdeFor(EventRef.class);
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-events-store"), Serdes.String(), refs),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-timeline-store"), Serdes.String(), refs),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-store"), Serdes.String(), summarySerde));
    }

    @Override
    public Processor<String, Contribution, String, S> get() {
        return new Stage();
    }

    static String timelineKey(String group, EventRef r) {
        return group + PART + r.day() + PART + Objects.requireNonNullElse(r.lastUpdated(), "") + PART + r.eventId();
    }

    private final class Stage implements Processor<String, Contribution, String, S> {

        /** Groups whose summary is remembered (per task), most recently changed kept. */
        private static final int REMEMBERED_GROUPS = 256;

        /**
         * The summaries as last written (null: deleted), so a busy group's summary is not read back
         * and decoded at every change. It moves in step with the store: forgotten when the task is
         * (re)initialized, as after an aborted transaction the store is restored, and for a group
         * whose change fails midway.
         */
        private final Map<String, S> remembered = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                return size() > REMEMBERED_GROUPS;
            }
        };
        private ProcessorContext<String, S> context;
        private KeyValueStore<String, EventRef> index;
        private KeyValueStore<String, EventRef> timeline;
        private KeyValueStore<String, S> summaries;

        @Override
        public void init(ProcessorContext<String, S> context) {
            this.context = context;
            this.index = context.getStateStore(name + "-events-store");
            this.timeline = context.getStateStore(name + "-timeline-store");
            this.summaries = context.getStateStore(name + "-store");
            remembered.clear();
        }

        @Override
        public void process(Record<String, Contribution> record) {
            String group = record.key();
            Contribution c = record.value();
            if (group == null || c == null || c.eventId() == null) {
                LOG.warn("contribution skipped: it lacks a group or an event id: {} -> {}", group, c);
                return;
            }
            String key = group + SEPARATOR + c.eventId();
            EventRef held = index.get(key);
            EventRef now = c.ref();
            if (Objects.equals(held, now)) {
                return;
            }
            // The summary is worked out before any store changes, over the timeline as it will be, so a
            // failure (the record goes to the DLQ) leaves index, timeline and summary as they were.
            S current = remembered.containsKey(group) ? remembered.get(group) : summaries.get(group);
            S next = tally.update(group, current, held, now, () -> newestFirst(group, c.eventId(), now));
            try {
                write(group, key, held, now, next);
            } catch (RuntimeException e) {
                remembered.remove(group);
                throw e;
            }
            context.forward(record.withValue(next));
        }

        private void write(String group, String key, EventRef held, EventRef now, S next) {
            if (held != null) {
                timeline.delete(timelineKey(group, held));
            }
            if (now == null) {
                index.delete(key);
            } else {
                index.put(key, now);
                timeline.put(timelineKey(group, now), now);
            }
            if (next == null) {
                summaries.delete(group);
            } else {
                summaries.put(group, next);
            }
            remembered.put(group, next);
        }

        /** The group's timeline with the event's stored version replaced by {@code now} (null: removed). */
        private Stream<EventRef> newestFirst(String group, String eventId, EventRef now) {
            Stream<EventRef> others = newestFirst(group).filter(r -> !r.eventId().equals(eventId));
            if (now == null) {
                return others;
            }
            Iterator<EventRef> rest = others.iterator();
            Iterator<EventRef> merged = new Iterator<>() {
                private EventRef pending = now;
                private EventRef stored = rest.hasNext() ? rest.next() : null;

                @Override
                public boolean hasNext() {
                    return pending != null || stored != null;
                }

                @Override
                public EventRef next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    EventRef out;
                    if (pending != null && (stored == null || EventRef.RECENCY.compare(pending, stored) > 0)) {
                        out = pending;
                        pending = null;
                    } else {
                        out = stored;
                        stored = rest.hasNext() ? rest.next() : null;
                    }
                    return out;
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false)
                    .onClose(others::close);
        }

        private Stream<EventRef> newestFirst(String group) {
            KeyValueIterator<String, EventRef> it = timeline.reverseRange(group + PART, group + (char) (PART + 1));
            Spliterator<KeyValue<String, EventRef>> entries = Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED);
            return StreamSupport.stream(entries, false).map(kv -> kv.value).onClose(it::close);
        }
    }
}
