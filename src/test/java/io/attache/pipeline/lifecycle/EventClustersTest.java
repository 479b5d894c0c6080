package io.attache.pipeline.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventClustersTest {

    private static final Principal ME = new Principal("maria-oliveira", "Maria Oliveira", "BR", "President", true);
    private static final Principal YOU = new Principal("kenji-sato", "Kenji Sato", "JP", "Prime Minister", true);
    private static final List<String> HOSTS = List.of("JP", "IN");

    /**
     * One coarse key's reports as a busy year of news gives them: trips a few weeks apart, each
     * reported at several stages with dates of every precision (some a day or two off, some
     * undated, a few from another year), re-posts of one text or URL, now and then another host.
     */
    private static List<MentionSummary> reports(long seed, int n) {
        Random random = new Random(seed);
        LocalDate first = LocalDate.parse("2025-01-06");
        List<MentionSummary> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate trip = first.plusDays(21L * random.nextInt(n / 3 + 1) + random.nextInt(3));
            LocalDate published = trip.plusDays(random.nextInt(15) - 9);
            String date = switch (random.nextInt(9)) {
                case 0, 1 -> null;
                case 2 -> Integer.toString(trip.getYear() - random.nextInt(2));
                case 3, 4 -> trip.toString().substring(0, 7);
                default -> trip.plusDays(random.nextInt(5) - 2).toString();
            };
            String dateEnd = date != null && date.length() == 10 && random.nextInt(6) == 0
                    ? LocalDate.parse(date).plusDays(1 + random.nextInt(3)).toString() : null;
            String article = "a" + (random.nextInt(8) == 0 ? random.nextInt(i + 1) : i);
            out.add(new MentionSummary(article,
                    published.atTime(random.nextInt(3) * 6, 0).toString() + ":00Z",
                    random.nextInt(10) == 0 ? "https://example.org/" + random.nextInt(5) : "https://example.org/" + article,
                    "Wire", random.nextInt(10) == 0 ? "t" + random.nextInt(4) : null, null,
                    EventType.VISIT, EventStatus.values()[random.nextInt(EventStatus.values().length)], ME, List.of(YOU),
                    random.nextInt(12) == 0 ? null : HOSTS.get(random.nextInt(10) == 0 ? 1 : 0),
                    "Tokyo", null, date, dateEnd, 0.8, "sentence " + i));
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    @DisplayName("Clustering with per-event summaries forms the same events as testing every member of every event")
    void agreesWithTheMemberByMemberRules(long seed) {
        List<MentionSummary> mentions = reports(seed, 40 + (int) seed * 15);
        for (int size = 1; size <= mentions.size(); size += 7) {
            List<MentionSummary> some = mentions.subList(0, size);
            assertThat(EventClusters.cluster(some)).as("first %d reports", size)
                    .isEqualTo(EventClustersReference.cluster(some));
        }
        List<List<MentionSummary>> all = EventClusters.cluster(mentions);
        assertThat(all).isEqualTo(EventClustersReference.cluster(mentions));
        assertThat(all).as("the reports form several events, some of several reports")
                .hasSizeGreaterThan(3).anyMatch(c -> c.size() > 3);
    }
}
