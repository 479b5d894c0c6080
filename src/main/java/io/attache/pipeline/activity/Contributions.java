package io.attache.pipeline.activity;

import io.attache.pipeline.lifecycle.CanonicalEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Spreads each canonical event over the groups it counts for (leaders, or country pairs) as
 * {@link Contribution}s keyed by group, with a removal for each group the event no longer counts
 * for (a participant dropped, the event deleted). All contributions of one event come from the
 * event's partition in order, so after the repartition by group each group sees them in order.
 */
public final class Contributions implements ProcessorSupplier<String, CanonicalEvent, String, Contribution> {

    private final String storeName;
    private final Function<CanonicalEvent, Set<String>> groups;

    /**
     * @param storeName the store remembering each event's groups
     * @param groups the groups an event counts for
     */
    public Contributions(String storeName, Function<CanonicalEvent, Set<String>> groups) {
        this.storeName = storeName;
        this.groups = groups;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(), Serdes.String()));
    }

    @Override
    public Processor<String, CanonicalEvent, String, Contribution> get() {
        return new Spread(storeName, groups);
    }

    private static final class Spread implements Processor<String, CanonicalEvent, String, Contribution> {

        private final String storeName;
        private final Function<CanonicalEvent, Set<String>> groups;
        private ProcessorContext<String, Contribution> context;
        private KeyValueStore<String, String> held;

        Spread(String storeName, Function<CanonicalEvent, Set<String>> groups) {
            this.storeName = storeName;
            this.groups = groups;
        }

        @Override
        public void init(ProcessorContext<String, Contribution> context) {
            this.context = context;
            this.held = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, CanonicalEvent> record) {
            String eventId = record.key();
            CanonicalEvent event = record.value();
            Set<String> now = event == null ? Set.of() : groups.apply(event);
            String before = held.get(eventId);
            List<String> previous = before == null || before.isEmpty() ? List.of() : Arrays.asList(before.split("\n"));
            previous.stream().filter(g -> !now.contains(g))
                    .forEach(g -> context.forward(record.withKey(g).withValue(new Contribution(eventId, null))));
            if (event != null) {
                Contribution c = new Contribution(eventId, EventRef.of(event));
                now.forEach(g -> context.forward(record.withKey(g).withValue(c)));
            }
            if (now.isEmpty()) {
                held.delete(eventId);
            } else {
                held.put(eventId, String.join("\n", now));
            }
        }
    }
}
