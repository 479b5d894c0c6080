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

    private static List<EventMention> mentions() {
        return List.of(
                visit("a1", "2025-08-01", OLIVEIRA, "IN", SPECULATED, "2025"),
                visit("w1", "2025-08-20", OLIVEIRA, "IN", PLANNED, "2025-09"),
                visit("w2", "2025-08-20", OLIVEIRA, "IN", PLANNED, "2025-09"),
                visit("w3", "2025-08-22", OLIVEIRA, "IN", INVITED, null),
                visit("a3", "2025-09-08", OLIVEIRA, "IN", UNDERWAY, "2025-09-08"),
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
                visit("f2", "2025-02-10", NOVAK, "MX", CANCELLED, "2025-03"),
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
            order.forEach(m -> h.pipe(m, FINGERPRINTS.get(m.articleId())));
            return new Tables(h.canonical(), h.activity(), h.dyads());
        }
    }

    @Test
    @DisplayName("30 random arrival orders of one set of mentions, redeliveries included, give identical canonical, activity and dyad tables")
    void permutationsGiveIdenticalTables() {
        List<EventMention> all = mentions();
        Tables expected = run(all);
        assertThat(expected.canonical()).hasSizeGreaterThanOrEqualTo(12);
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
}
