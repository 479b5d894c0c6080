package io.attache.pipeline;

import static io.attache.pipeline.PipelineHarness.NOVAK;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Extractor;
import io.attache.ingest.Article;
import io.attache.pipeline.dedup.ArticleDedup;
import io.attache.pipeline.dedup.SimHash;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Articles in, through the dedup at the door and extraction, to events. The extractor here is a
 * stub standing in for the rule extractor (being written on another branch): it reads markers such
 * as {@code [VISIT AT PLANNED 2025-10]} that the test articles carry, one mention each, for Petra Novak.
 */
class ArticlePathTest {

    private static final Pattern MARKER = Pattern.compile("\\[(VISIT) ([A-Z]{2}) ([A-Z]+) ([0-9-]+)]");

    private static final Extractor STUB = article -> {
        Matcher m = MARKER.matcher(article.text());
        List<EventMention> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(new EventMention(article.id(), EventType.valueOf(m.group(1)), EventStatus.valueOf(m.group(3)), NOVAK,
                    List.of(), m.group(2), null, null, m.group(4), null, null, 0.7, article.publishedAt(), article.source(),
                    article.url(), null, null, article.ingestedAt()));
        }
        return found;
    };

    /** About 120 words of our own wire-style copy about a planned trip. */
    private static final String WIRE = """
            The prime minister will travel to Vienna next month for talks on energy links, river transport and
            the rail corridor that both governments have promised to finish before the end of the decade, her
            office said on Tuesday. Officials from the two capitals have spent the summer preparing a package of
            agreements on gas storage, power interconnectors and cross-border freight, and a joint commission is
            expected to meet on the eve of the visit to settle the remaining points. The trip would be her first
            bilateral visit since the coalition took office in the spring. Opposition leaders said they would
            press the government to publish the texts before anything is signed, and business groups welcomed
            the plans, saying delays on the corridor had cost exporters dearly over the past three years.
            [VISIT AT PLANNED 2025-10]
            """;

    private static Article article(String id, String url, String text) {
        return new Article(id, url, "example.net", "2025-09-15", null, text, "en", null);
    }

    @Test
    @DisplayName("Extracted mentions reach events.mentions keyed by the coarse event key, with the article fingerprint")
    void mentionsKeyedAndFingerprinted() {
        try (PipelineHarness h = new PipelineHarness(30, STUB)) {
            h.articles.pipeInput("p1", article("p1", "https://a.example/1", WIRE));

            TestRecord<String, EventMention> r = h.mentionsOut.readRecord();
            assertThat(r.key()).isEqualTo("VISIT|petra-novak|AT");
            assertThat(new String(r.headers().lastHeader(SimHash.HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(SimHash.fingerprint(WIRE));
            CanonicalEvent e = h.visit(NOVAK, "AT", "2025-10");
            assertThat(e.articles()).containsExactly("p1");
            assertThat(h.alertsOut.readValuesToList()).extracting(Alert::kind).containsExactly(Alert.Kind.NEW_EVENT);
        }
    }

    @Test
    @DisplayName("An article seen before by id, by URL or by normalized text changes nothing")
    void exactDuplicates() {
        try (PipelineHarness h = new PipelineHarness(30, STUB)) {
            h.articles.pipeInput("p1", article("p1", "https://a.example/1", WIRE));
            CanonicalEvent before = h.visit(NOVAK, "AT", "2025-10");
            h.mentionsOut.readRecordsToList();
            h.alertsOut.readRecordsToList();

            h.articles.pipeInput("p1", article("p1", "https://a.example/other", WIRE + " updated"));
            h.articles.pipeInput("p2", article("p2", "https://a.example/1", WIRE + " with a new ending"));
            h.articles.pipeInput("p3", article("p3", "https://b.example/3", "  " + WIRE.toUpperCase().replace(" ", "   ")));

            assertThat(h.mentionsOut.isEmpty()).isTrue();
            assertThat(h.alertsOut.isEmpty()).isTrue();
            assertThat(h.visit(NOVAK, "AT", "2025-10")).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("A syndicated near-copy adds its URL to the event but not a source; a distinct story adds a source")
    void nearCopies() {
        try (PipelineHarness h = new PipelineHarness(30, STUB)) {
            h.articles.pipeInput("p1", article("p1", "https://a.example/1", WIRE));
            String copy = "Home | World | Business | Sign in\nBy our correspondent\n" + WIRE.replace("on Tuesday", "on Tuesday evening")
                    + "\nShare this story. Read more about Europe.";
            h.articles.pipeInput("p2", article("p2", "https://b.example/2", copy));
            CanonicalEvent e = h.visit(NOVAK, "AT", "2025-10");
            assertThat(e.urls()).containsExactly("https://a.example/1", "https://b.example/2");
            assertThat(e.sources()).isEqualTo(1);

            String other = """
                    Austria is preparing to receive the Czech prime minister in October, diplomats in Vienna confirmed,
                    with a programme that includes a visit to a hydro plant on the Danube, a lunch with the federal
                    chancellor and a round table with regional governors on transport funding. Ministers from both
                    sides met in Linz last week to draft a declaration on nuclear safety and waste, a topic that has
                    strained relations for years, and a second meeting is set for the end of September. Diplomats
                    said the visit should also unblock a long stalled motorway link across the border and open talks
                    on a new night train between the two capitals, which operators have sought for some time.
                    [VISIT AT PLANNED 2025-10]
                    """;
            h.articles.pipeInput("p3", article("p3", "https://c.example/3", other));
            assertThat(h.visit(NOVAK, "AT", "2025-10").sources()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("The dedup store forgets after its retention, and the canonical stage still ignores the repeat")
    void dedupRetention() {
        try (PipelineHarness h = new PipelineHarness(30, STUB)) {
            h.articles.pipeInput("p1", article("p1", "https://a.example/1", WIRE));
            h.mentionsOut.readRecordsToList();
            h.alertsOut.readRecordsToList();
            h.canonical();

            h.driver.advanceWallClockTime(ArticleDedup.RETENTION.plus(Duration.ofHours(2)));
            h.articles.pipeInput("p1", article("p1", "https://a.example/1", WIRE));

            assertThat(h.mentionsOut.readRecordsToList()).hasSize(1);
            assertThat(h.alertsOut.isEmpty()).isTrue();
            assertThat(h.canonicalOut.isEmpty()).isTrue();
        }
    }
}
