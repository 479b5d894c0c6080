package io.attache.pipeline;

import static io.attache.extract.EventStatus.CANCELLED;
import static io.attache.extract.EventStatus.COMPLETED;
import static io.attache.extract.EventStatus.DECLINED;
import static io.attache.extract.EventStatus.INVITED;
import static io.attache.extract.EventStatus.PLANNED;
import static io.attache.extract.EventStatus.SPECULATED;
import static io.attache.extract.EventStatus.UNDERWAY;
import static io.attache.pipeline.PipelineHarness.DIALLO;
import static io.attache.pipeline.PipelineHarness.NOVAK;
import static io.attache.pipeline.PipelineHarness.OLIVEIRA;
import static io.attache.pipeline.PipelineHarness.SATO;
import static io.attache.pipeline.PipelineHarness.mention;
import static io.attache.pipeline.PipelineHarness.visit;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventMention;
import io.attache.extract.EventType;
import io.attache.ingest.Article;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The property behind the canonical stage's design: the final compacted tables depend on the set
 * of mentions, not on the order they arrive in.
 */
class OrderIndependenceTest {

    private static final int PERMUTATIONS = 30;

    private record Tables(Map<String, CanonicalEvent> canonical, Map<String, LeaderActivity> activity,
            Map<String, Dyad> dyads) {
    }

    /** Article id to the fingerprint its mentions carry; the two w-articles are near-copies. */
    private static final Map<String, String> FINGERPRINTS = Map.of(
            "w1", "0f0f0f0f0f0f0f0f", "w2", "0f0f0f0f0f0f0f0e", "w3", "f0f0f0f0f0f0f0f0");

    /** Article id to its normalized-text hash; r1 re-posts a3's text under another id. */
    private static final Map<String, String> TEXT_HASHES = Map.of("a3", "a-0a3", "r1", "a-0a3", "f2", "a-0f2", "r2", "a-0r2");

    /** The same mention as reported by another article id at another URL. */
    private static EventMention as(EventMention m, String article, String published, String url) {
        return new EventMention(article, m.type(), m.status(), m.actor(), m.participants(), m.hostCountry(), m.location(),
                m.occasion(), m.date(), m.dateEnd(), m.evidence(), m.confidence(), published, m.source(), url, m.cameo(),
                m.plover(), m.ingestedAt());
    }

    private static List<EventMention> mentions() {
        EventMention a3 = visit("a3", "2025-09-08", OLIVEIRA, "IN", UNDERWAY, "2025-09-08");
        EventMention f2 = visit("f2", "2025-02-10", NOVAK, "MX", CANCELLED, "2025-03");
        return List.of(
                as(a3, "r1", "2025-09-09", "https://mirror.example/r1"),
                as(f2, "r2", "2025-02-11", "https://example.org/f2"),
                visit("a1", "2025-08-01", OLIVEIRA, "IN", SPECULATED, "2025"),
                visit("w1", "2025-08-20", OLIVEIRA, "IN", PLANNED, "2025-09"),
                visit("w2", "2025-08-20", OLIVEIRA, "IN", PLANNED, "2025-09"),
                visit("w3", "2025-08-22", OLIVEIRA, "IN", INVITED, null),
                a3,
                visit("a4", "2025-09-12", OLIVEIRA, "IN", COMPLETED, "2025-09-09"),
                visit("a4", "2025-09-12", OLIVEIRA, "IN", COMPLETED, "2023-03"),
                visit("a5", "2025-09-20", OLIVEIRA, "IN", PLANNED, null),
                visit("n-apr", "2025-04-01", DIALLO, "FR", SPECULATED, "2025"),
                visit("n-apr", "2025-04-01", DIALLO, "FR", SPECULATED, "2025-09"),
                visit("n-may", "2025-05-08", DIALLO, "FR", DECLINED, "2025-05"),
                visit("n-may2", "2025-05-09", DIALLO, "FR", DECLINED, null),
                visit("n-aug", "2025-08-28", DIALLO, "FR", COMPLETED, "2023-09"),
                visit("n-aug", "2025-08-28", DIALLO, "JP", PLANNED, "2025-09"),
                visit("n-oct", "2025-10-07", DIALLO, "JP", COMPLETED, "2025-09"),
                visit("f1", "2025-02-01", NOVAK, "MX", PLANNED, "2025-03"),
                f2,
                visit("f3", "2025-03-20", NOVAK, "MX", COMPLETED, "2025-03-18"),
                visit("f4", "2025-04-02", NOVAK, "MX", PLANNED, null),
                mention("m1", "2025-06-10", EventType.MEETING, OLIVEIRA, List.of(SATO), "JP", PLANNED, "2025-06-12"),
                mention("m2", "2025-06-13", EventType.MEETING, SATO, List.of(OLIVEIRA), null, COMPLETED, "2025-06-12"),
                mention("m3", "2025-06-13", EventType.MEETING, SATO, List.of(OLIVEIRA), "BR", PLANNED, "2025-11"),
                mention("m4", "2025-06-20", EventType.CALL, DIALLO, List.of(OLIVEIRA, SATO), null, COMPLETED, "2025-06-19"),
                mention("m5", "2025-05-02", EventType.AGREEMENT, OLIVEIRA, List.of(DIALLO), "SN", PLANNED, "2025"),
                mention("m6", "2025-07-01", EventType.AGREEMENT, DIALLO, List.of(OLIVEIRA), "SN", COMPLETED, "2025-06-30"),
                visit("m6", "2025-07-01", OLIVEIRA, "SN", COMPLETED, "2025-06-29"),
                visit("m1", "2025-06-10", OLIVEIRA, "JP", PLANNED, "2025-06-11"));
    }

    private static Tables run(List<EventMention> order) {
        try (PipelineHarness h = new PipelineHarness()) {
            order.forEach(m -> h.pipe(m, TEXT_HASHES.get(m.articleId()), FINGERPRINTS.get(m.articleId())));
            return new Tables(h.canonical(), h.activity(), h.dyads());
        }
    }

    @Test
    @DisplayName("30 random arrival orders of one set of mentions, redeliveries and re-posts included, give identical canonical, activity and dyad tables")
    void permutationsGiveIdenticalTables() {
        List<EventMention> all = mentions();
        Tables expected = run(all);
        assertThat(expected.canonical()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(expected.canonical().values()).flatExtracting(CanonicalEvent::articles).doesNotContain("r1", "r2");
        assertThat(expected.activity()).containsOnlyKeys("maria-oliveira", "amara-diallo", "kenji-sato", "petra-novak");
        assertThat(expected.dyads()).containsKeys("BR|IN", "BR|JP", "BR|SN", "FR|SN", "JP|SN", "CZ|MX");

        for (int seed = 1; seed <= PERMUTATIONS; seed++) {
            List<EventMention> shuffled = new ArrayList<>(all);
            shuffled.addAll(all.subList(0, seed % all.size()));
            Collections.shuffle(shuffled, new Random(seed));
            Tables actual = run(shuffled);
            assertThat(actual.canonical()).as("events.canonical, seed %d", seed).isEqualTo(expected.canonical());
            assertThat(actual.activity()).as("leaders.activity, seed %d", seed).isEqualTo(expected.activity());
            assertThat(actual.dyads()).as("relations.dyads, seed %d", seed).isEqualTo(expected.dyads());
        }
    }

    /** About 80 words of filler, different for each seed, long enough to be fingerprinted. */
    private static String filler(int seed) {
        String[] words = ("talks trade port rail energy grain summit treaty envoy budget harbour council minister "
                + "delegation border river bridge festival exhibition university hospital railway pipeline factory "
                + "market farmers students reporters coalition parliament region capital ceremony anniversary").split(" ");
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            b.append(words[r.nextInt(words.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return b.toString();
    }

    private static Article article(String id, String published, String text) {
        return new Article(id, "https://news.example/" + id, "example", published, null, text, "en", null);
    }

    @Test
    @DisplayName("30 random arrival orders of one set of articles, near-copies and redeliveries included, give identical tables")
    void articlePermutationsGiveIdenticalTables() {
        String planned = filler(2) + "[VISIT maria-oliveira IN PLANNED 2025-09]";
        List<Article> all = List.of(
                article("o1", "2025-08-01", filler(1) + "[VISIT maria-oliveira IN SPECULATED 2025]"),
                article("o2", "2025-08-20", planned),
                article("o2-copy", "2025-08-20", "Sign in | Menu\n" + planned.replace("talks", "Talks") + "\nShare"),
                article("o3", "2025-09-08", filler(3) + "[VISIT maria-oliveira IN UNDERWAY 2025-09-08] [VISIT maria-oliveira IN COMPLETED 2023-03]"),
                article("o4", "2025-09-12", filler(4) + "[VISIT maria-oliveira IN COMPLETED 2025-09-09]"),
                article("o5", "2025-08-25", filler(5) + "[VISIT maria-oliveira IN PLANNED -]"),
                article("d1", "2025-04-01", filler(6) + "[VISIT amara-diallo FR SPECULATED 2025] [VISIT amara-diallo FR SPECULATED 2025-09]"),
                article("d2", "2025-05-08", filler(7) + "[VISIT amara-diallo FR DECLINED 2025-05]"),
                article("d3", "2025-08-28", filler(8) + "[VISIT amara-diallo FR COMPLETED 2023-09] [VISIT amara-diallo JP PLANNED 2025-09]"),
                article("d4", "2025-10-07", filler(9) + "[VISIT amara-diallo JP COMPLETED 2025-09]"));
        Tables expected = runArticles(all);
        CanonicalEvent india = expected.canonical().values().stream()
                .filter(e -> "IN".equals(e.hostCountry()) && "2025-09-08".equals(e.date())).findFirst().orElseThrow();
        assertThat(india.status()).isEqualTo(COMPLETED);
        assertThat(india.articles()).containsExactly("o1", "o2", "o2-copy", "o5", "o3", "o4");
        assertThat(india.sources()).isEqualTo(5);

        for (int seed = 1; seed <= PERMUTATIONS; seed++) {
            List<Article> shuffled = new ArrayList<>(all);
            shuffled.addAll(all.subList(0, seed % all.size()));
            Collections.shuffle(shuffled, new Random(seed));
            Tables actual = runArticles(shuffled);
            assertThat(actual).as("tables from articles, seed %d", seed).isEqualTo(expected);
        }
    }

    private static Tables runArticles(List<Article> order) {
        try (PipelineHarness h = new PipelineHarness(30, new MarkerExtractor())) {
            order.forEach(a -> h.articles.pipeInput(a.id(), a));
            return new Tables(h.canonical(), h.activity(), h.dyads());
        }
    }
}
