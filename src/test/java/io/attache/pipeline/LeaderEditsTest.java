package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.config.AttacheConfig;
import io.attache.extract.EventMention;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.extract.RuleExtractor;
import io.attache.extract.kb.Person;
import io.attache.extract.kb.Role;
import io.attache.ingest.Article;
import io.attache.json.Json;
import io.attache.topics.Topic;
import io.attache.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Edits on reference.leaders reach the rule extractor of the running topology. */
class LeaderEditsTest {

    static final Person JANE = new Person("jane-example", "Jane Example", List.of(), List.of("Example"), "UY",
            List.of(new Role("President", "HEAD_OF_STATE", "UY", null, "2026-03-01", null)));

    private final Topics topics = new Topics("");
    private RuleExtractor extractor;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> leaders;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, EventMention> mentions;

    @BeforeAll
    static void meters() {
        Metrics.addRegistry(new SimpleMeterRegistry());
    }

    @BeforeEach
    void start() throws IOException {
        extractor = RuleExtractor.standard();
        AttacheConfig config = AttacheConfig.resolve(Map.of(), Map.of(), new Properties());
        Properties props = PipelineHarness.props(Files.createTempDirectory("attache-leader-edits"));
        driver = new TopologyTestDriver(AttacheTopology.build(config, extractor, props), props,
                Instant.parse("2026-05-01T00:00:00Z"));
        leaders = driver.createInputTopic(topics.name(Topics.REFERENCE_LEADERS), new StringSerializer(), new ByteArraySerializer());
        Topic<String, Article> raw = topics.articlesRaw(config.maxArticleBytes());
        articles = driver.createInputTopic(raw.name(), raw.keySerde().serializer(), raw.valueSerde().serializer());
        Topic<String, EventMention> m = topics.eventsMentions();
        mentions = driver.createOutputTopic(m.name(), m.keySerde().deserializer(), m.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Article article(String id, String text) {
        return new Article(id, "https://news.example/" + id, "news.example", "2026-05-11", "Travel plans", text, "en", null);
    }

    /** Two reports of our own wording, different enough that the near-duplicate filter keeps both. */
    private static final String MADRID = "President Jane Example of Uruguay will travel to Madrid next week for talks "
            + "on trade and fisheries with the Spanish government, her spokesman said on Monday.";
    private static final String LISBON = "President Jane Example of Uruguay will visit Lisbon in June to sign a port "
            + "agreement, the foreign ministry in Montevideo announced, adding that a business delegation would join her.";

    private List<Principal> actors(String id, String text) {
        articles.pipeInput(id, article(id, text));
        return mentions.readValuesToList().stream().map(EventMention::actor).toList();
    }

    private void put(Person p) {
        leaders.pipeInput(p.id(), Json.bytes(p));
    }

    @Test
    @DisplayName("A president published to reference.leaders is extracted from the next article as a KB principal")
    void editReachesExtraction() {
        assertThat(actors("a1", MADRID)).noneMatch(p -> p.inKb() && "jane-example".equals(p.id()));

        put(JANE);

        List<Principal> after = actors("a2", LISBON);
        assertThat(after).contains(new Principal("jane-example", "Jane Example", "UY", "President", true));
        assertThat(extractor.knowledgeBase().person("jane-example")).isEqualTo(JANE);
    }

    @Test
    @DisplayName("A tombstone on reference.leaders removes the person from the running knowledge base")
    void tombstoneRemoves() {
        put(JANE);
        assertThat(extractor.knowledgeBase().person("jane-example")).isEqualTo(JANE);

        leaders.pipeInput("jane-example", (byte[]) null);

        assertThat(extractor.knowledgeBase().person("jane-example")).isNull();
        assertThat(actors("a3", MADRID)).noneMatch(p -> p.inKb() && "jane-example".equals(p.id()));
    }

    @Test
    @DisplayName("An edit replaces the bundled person of its id, e.g. a term that ended")
    void editReplacesBundledPerson() {
        Person orsi = extractor.knowledgeBase().person("yamandu-orsi");
        Role ended = new Role("President", "HEAD_OF_STATE", "UY", null, "2025-03-01", "2026-03-01");
        put(new Person(orsi.id(), orsi.name(), orsi.aliases(), orsi.shortNames(), orsi.country(), List.of(ended)));

        assertThat(extractor.knowledgeBase().person("yamandu-orsi").roles()).containsExactly(ended);
        assertThat(extractor.knowledgeBase().people()).hasSizeGreaterThan(1000);
    }

    @Test
    @DisplayName("Malformed records are skipped and counted; the store goes on applying the next edit")
    void malformedSkipped() {
        double before = rejected();
        leaders.pipeInput("jane-example", "{not json".getBytes(StandardCharsets.UTF_8));
        leaders.pipeInput("someone-else", Json.bytes(JANE));
        leaders.pipeInput("jane-example", Json.bytes(new Person("jane-example", "Jane Example", null, null, "UY",
                List.of(new Role("President", "HEAD_OF_STATE", "UY", null, "March 2026", null)))));
        leaders.pipeInput(null, Json.bytes(JANE));

        assertThat(rejected()).isEqualTo(before + 4);
        assertThat(extractor.knowledgeBase().person("jane-example")).isNull();
        assertThat(extractor.knowledgeBase().person("someone-else")).isNull();

        put(JANE);
        assertThat(extractor.knowledgeBase().person("jane-example")).isEqualTo(JANE);
        assertThat(driver.getKeyValueStore(LeaderEdits.STORE).get("jane-example")).isNotNull();
    }

    @Test
    @DisplayName("The global store and its processor carry explicit names")
    void namedExplicitly() {
        AttacheConfig config = AttacheConfig.resolve(Map.of(), Map.of(), new Properties());
        TopologyDescription d = AttacheTopology.build(config, extractor, PipelineHarness.props(Path.of("unused")))
                .describe();
        assertThat(d.globalStores()).singleElement().satisfies(g -> {
            assertThat(g.processor().name()).isEqualTo(LeaderEdits.PROCESSOR);
            assertThat(g.processor().stores()).containsExactly(LeaderEdits.STORE);
            assertThat(g.source().topicSet()).containsExactly(Topics.REFERENCE_LEADERS);
        });
    }

    private static double rejected() {
        Counter c = Metrics.globalRegistry.find(LeaderEdits.REJECTED).counter();
        return c == null ? 0 : c.count();
    }
}
