package io.attache.pipeline;

import io.attache.extract.RuleExtractor;
import io.attache.extract.kb.KnowledgeBase;
import io.attache.extract.kb.Person;
import io.attache.extract.kb.PersonCheck;
import io.attache.json.Json;
import io.attache.topics.Topics;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the extractor's knowledge base in step with the compacted {@code reference.leaders} topic: the
 * bundled KB is the base, each person on the topic replaces the one of its id, a tombstone removes it.
 *
 * <p>Why a global store rather than a consumer thread of our own: every instance needs every edit, which
 * a global store gives (it reads all partitions on each instance); Kafka Streams reads the topic to its
 * end before the instance turns RUNNING, so no article is read against a stale KB after a restart; and it
 * owns the consumer's lifecycle, checkpointed offsets and shutdown, which a hand-written thread would
 * repeat. The store is restored through this processor (reprocess on restore), so edits made while the
 * instance was down reach the extractor as well.
 *
 * <p>A record that is not a usable person is logged (topic, partition, offset, reason), counted under
 * {@value #REJECTED} and skipped: the running KB keeps what it had for that id.
 */
public final class LeaderEdits {

    public static final String STORE = "reference-leaders-store";
    public static final String PROCESSOR = "reference-leaders-apply";
    /** Edits applied, by {@code op} (put or delete). */
    public static final String APPLIED = "attache.kb.edits";
    /** Records on reference.leaders skipped as unusable. */
    public static final String REJECTED = "attache.kb.edits.rejected";

    private static final Logger LOG = LoggerFactory.getLogger(LeaderEdits.class);

    private LeaderEdits() {
    }

    public static void addTo(StreamsBuilder builder, Topics topics, RuleExtractor extractor) {
        // Raw bytes in, parsed here: a malformed value must be skipped by us, not fail the global thread.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                topics.name(Topics.REFERENCE_LEADERS),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(PROCESSOR),
                () -> new Apply(extractor));
    }

    /** Applies one record of reference.leaders to the store and the extractor. */
    static final class Apply implements Processor<String, byte[], Void, Void> {

        private final RuleExtractor extractor;
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, byte[]> store;

        Apply(RuleExtractor extractor) {
            this.extractor = extractor;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
            // The store may hold edits of earlier runs (checkpointed, so not replayed): one rebuild for all.
            Map<String, Person> kept = new LinkedHashMap<>();
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    parse(kv.key, kv.value).ifPresent(p -> kept.put(p.id(), p));
                }
            }
            KnowledgeBase kb = extractor.knowledgeBase();
            if (kept.values().stream().anyMatch(p -> !p.equals(kb.person(p.id())))) {
                Map<String, Person> people = new LinkedHashMap<>();
                kb.people().forEach(p -> people.put(p.id(), p));
                people.putAll(kept);
                extractor.replace(new KnowledgeBase(people.values(), kb.countries(), kb.cities(), kb.organisations()));
            }
        }

        @Override
        public void process(Record<String, byte[]> record) {
            String id = record.key();
            if (id == null) {
                reject("no key");
                return;
            }
            if (record.value() == null) {
                store.delete(id);
                if (extractor.knowledgeBase().person(id) != null) {
                    extractor.remove(id);
                }
                Metrics.counter(APPLIED, "op", "delete").increment();
                return;
            }
            Person person;
            try {
                person = Json.MAPPER.readValue(record.value(), Person.class);
            } catch (IOException e) {
                reject("not a person: " + e.getMessage().lines().findFirst().orElse(""));
                return;
            }
            List<String> problems = PersonCheck.problems(person);
            if (!problems.isEmpty()) {
                reject(String.join("; ", problems));
                return;
            }
            if (!id.equals(person.id())) {
                reject("key " + id + " is not the person's id " + person.id());
                return;
            }
            store.put(id, record.value());
            if (!person.equals(extractor.knowledgeBase().person(id))) {
                extractor.apply(person);
            }
            Metrics.counter(APPLIED, "op", "put").increment();
        }

        private void reject(String reason) {
            Optional<RecordMetadata> at = context.recordMetadata();
            LOG.warn("skipped {}-{}@{}: {}", at.map(RecordMetadata::topic).orElse("?"),
                    at.map(RecordMetadata::partition).orElse(-1), at.map(RecordMetadata::offset).orElse(-1L), reason);
            Metrics.counter(REJECTED).increment();
        }

        /** A stored value; only valid persons are stored, so a failure here means a store written by another version. */
        private static Optional<Person> parse(String id, byte[] value) {
            try {
                Person p = Json.MAPPER.readValue(value, Person.class);
                return PersonCheck.problems(p).isEmpty() && id.equals(p.id()) ? Optional.of(p) : Optional.empty();
            } catch (IOException e) {
                LOG.warn("ignored unreadable stored person {}: {}", id, e.getMessage());
                return Optional.empty();
            }
        }
    }
}
