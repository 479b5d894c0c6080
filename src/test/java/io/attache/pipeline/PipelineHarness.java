package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.config.Setting;
import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Extractor;
import io.attache.extract.Principal;
import io.attache.ingest.Article;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.dedup.SimHash;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.topics.Topic;
import io.attache.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology on a TopologyTestDriver, with the streams properties the app runs with
 * (exactly-once v2, explicit naming enforced so that an unnamed store or topic fails the build),
 * plus readers that replay the compacted outputs into their final tables.
 */
final class PipelineHarness implements AutoCloseable {

    static final Principal OLIVEIRA = new Principal("maria-oliveira", "Maria Oliveira", "BR", "President", true);
    static final Principal SATO = new Principal("kenji-sato", "Kenji Sato", "JP", "Prime Minister", true);
    static final Principal DIALLO = new Principal("amara-diallo", "Amara Diallo", "SN", "President", true);
    static final Principal NOVAK = new Principal("petra-novak", "Petra Novak", "CZ", "Prime Minister", true);

    final Topics topics = new Topics("");
    final TopologyTestDriver driver;
    final TestInputTopic<String, Article> articles;
    final TestInputTopic<String, EventMention> mentions;
    final TestOutputTopic<String, EventMention> mentionsOut;
    final TestOutputTopic<String, CanonicalEvent> canonicalOut;
    final TestOutputTopic<String, Alert> alertsOut;
    final TestOutputTopic<String, LeaderActivity> activityOut;
    final TestOutputTopic<String, Dyad> dyadsOut;
    private final Path stateDir;
    private final Map<String, CanonicalEvent> canonical = new HashMap<>();
    private final Map<String, LeaderActivity> activity = new HashMap<>();
    private final Map<String, Dyad> dyads = new HashMap<>();

    PipelineHarness() {
        this(30, article -> List.of());
    }

    PipelineHarness(int alertHorizonDays, Extractor extractor) {
        try {
            stateDir = Files.createTempDirectory("attache-topology-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AttacheConfig config = AttacheConfig.resolve(Map.of(Setting.ALERT_HORIZON_DAYS, Integer.toString(alertHorizonDays)),
                Map.of(), new Properties());
        Properties props = props(stateDir);
        driver = new TopologyTestDriver(AttacheTopology.build(config, extractor, props), props, Instant.parse("2026-01-01T00:00:00Z"));
        Topic<String, Article> raw = topics.articlesRaw(config.maxArticleBytes());
        articles = driver.createInputTopic(raw.name(), raw.keySerde().serializer(), raw.valueSerde().serializer());
        Topic<String, EventMention> m = topics.eventsMentions();
        mentions = driver.createInputTopic(m.name(), m.keySerde().serializer(), m.valueSerde().serializer());
        mentionsOut = driver.createOutputTopic(m.name(), m.keySerde().deserializer(), m.valueSerde().deserializer());
        canonicalOut = output(topics.eventsCanonical());
        alertsOut = output(topics.alerts());
        activityOut = output(topics.leadersActivity());
        dyadsOut = output(topics.relationsDyads());
    }

    static Properties props(Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "attache-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> t) {
        return driver.createOutputTopic(t.name(), t.keySerde().deserializer(), t.valueSerde().deserializer());
    }

    void pipe(EventMention m) {
        pipe(m, null);
    }

    /** Pipes a mention straight into events.mentions, as the extraction stage would, with the article fingerprint. */
    void pipe(EventMention m, String simhash) {
        RecordHeaders headers = new RecordHeaders();
        if (simhash != null) {
            headers.add(SimHash.HEADER, simhash.getBytes(StandardCharsets.UTF_8));
        }
        mentions.pipeInput(new TestRecord<>(EventKeys.coarseKey(m.type(), m.actor(), m.participants(), m.hostCountry()),
                m, headers, Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** events.canonical as a compacted table: the last value per key, tombstones removing it. */
    Map<String, CanonicalEvent> canonical() {
        return replay(canonicalOut, canonical);
    }

    Map<String, LeaderActivity> activity() {
        return replay(activityOut, activity);
    }

    Map<String, Dyad> dyads() {
        return replay(dyadsOut, dyads);
    }

    private static <V> Map<String, V> replay(TestOutputTopic<String, V> out, Map<String, V> table) {
        out.readRecordsToList().forEach(r -> {
            if (r.value() == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), r.value());
            }
        });
        return Map.copyOf(table);
    }

    /** The one canonical event of a VISIT by {@code actor} to {@code host} whose date starts with {@code date}. */
    CanonicalEvent visit(Principal actor, String host, String date) {
        List<CanonicalEvent> found = canonical().values().stream()
                .filter(e -> e.type() == EventType.VISIT && e.actor().id().equals(actor.id()) && host.equals(e.hostCountry())
                        && (date == null ? e.date() == null : e.date() != null && e.date().startsWith(date)))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + actor.id() + " visit to " + host + " dated " + date + ", found " + found);
        }
        return found.get(0);
    }

    static EventMention visit(String article, String published, Principal actor, String host, EventStatus status, String date) {
        return mention(article, published, EventType.VISIT, actor, List.of(), host, status, date);
    }

    static EventMention mention(String article, String published, EventType type, Principal actor, List<Principal> with,
            String host, EventStatus status, String date) {
        return new EventMention(article, type, status, actor, with, host, null, null, date, null, null, 0.8, published,
                "example.org", "https://example.org/" + article, null, null, 1_000L);
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
