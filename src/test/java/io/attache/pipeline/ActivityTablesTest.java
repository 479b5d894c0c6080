package io.attache.pipeline;

import static io.attache.extract.EventStatus.COMPLETED;
import static io.attache.extract.EventStatus.PLANNED;
import static io.attache.pipeline.PipelineHarness.DIALLO;
import static io.attache.pipeline.PipelineHarness.OLIVEIRA;
import static io.attache.pipeline.PipelineHarness.SATO;
import static io.attache.pipeline.PipelineHarness.mention;
import static io.attache.pipeline.PipelineHarness.visit;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.pipeline.activity.CountryVisits;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.EventRef;
import io.attache.pipeline.activity.LeaderActivity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityTablesTest {

    @Test
    @DisplayName("A trip that moves from planned to completed is counted once, under its new status")
    void changedEventSubtractsOldAddsNew() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("x1", "2025-08-20", OLIVEIRA, "IN", PLANNED, "2025-09"));
            LeaderActivity planned = h.activity().get("maria-oliveira");
            assertThat(planned.visitsAbroad()).isEqualTo(Map.of(PLANNED, 1));
            assertThat(planned.upcoming()).extracting(EventRef::hostCountry).containsExactly("IN");
            assertThat(planned.nextPlanned().hostCountry()).isEqualTo("IN");
            assertThat(planned.countriesVisited()).isEmpty();

            h.pipe(visit("x2", "2025-09-30", OLIVEIRA, "IN", COMPLETED, "2025-09-14"));
            LeaderActivity done = h.activity().get("maria-oliveira");
            assertThat(done.visitsAbroad()).isEqualTo(Map.of(COMPLETED, 1));
            assertThat(done.upcoming()).isEmpty();
            assertThat(done.nextPlanned()).isNull();
            assertThat(done.countriesVisited()).isEqualTo(Map.of("IN", new CountryVisits(1, "2025-09-14")));
            assertThat(done.lastActivity().hostCountry()).isEqualTo("IN");
            assertThat(done.perMonth()).isEqualTo(Map.of("2025-09", 1));
            assertThat(done.eventCount()).isEqualTo(1);
            assertThat(done.latest().status()).isEqualTo(COMPLETED);
        }
    }

    @Test
    @DisplayName("An event re-formed under a new id (a late older article) still counts once")
    void reformedEventCountsOnce() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("y2", "2025-10-07", OLIVEIRA, "CN", COMPLETED, "2025-09"));
            h.pipe(visit("y1", "2025-08-28", OLIVEIRA, "CN", PLANNED, "2025-09"));
            h.pipe(visit("y3", "2024-05-01", OLIVEIRA, "CN", COMPLETED, "2024-04"));

            LeaderActivity a = h.activity().get("maria-oliveira");
            assertThat(a.visitsAbroad()).isEqualTo(Map.of(COMPLETED, 2));
            assertThat(a.countriesVisited()).isEqualTo(Map.of("CN", new CountryVisits(2, "2025-09")));
            assertThat(a.eventCount()).isEqualTo(2).isEqualTo(h.canonical().size());
            assertThat(a.latest().date()).isEqualTo("2025-09");
            Dyad d = h.dyads().get("BR|CN");
            assertThat(d.counts()).isEqualTo(Map.of(EventType.VISIT, Map.of(COMPLETED, 2)));
            assertThat(d.latest().date()).isEqualTo("2025-09");
        }
    }

    @Test
    @DisplayName("A meeting counts for every principal, as hosted for the one at home, and links their countries")
    void meetingsAndDyads() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(mention("z1", "2025-06-13", EventType.MEETING, SATO, List.of(OLIVEIRA), "JP", COMPLETED, "2025-06-12"));
            h.pipe(mention("z2", "2025-06-20", EventType.CALL, DIALLO, List.of(OLIVEIRA, SATO), null, COMPLETED, "2025-06-19"));
            h.pipe(visit("z3", "2025-06-01", OLIVEIRA, "JP", COMPLETED, "2025-06-11"));

            Map<String, LeaderActivity> a = h.activity();
            assertThat(a).containsOnlyKeys("maria-oliveira", "kenji-sato", "amara-diallo");
            assertThat(a.get("kenji-sato").meetings()).isEqualTo(Map.of(COMPLETED, 1));
            assertThat(a.get("kenji-sato").hosted()).isEqualTo(Map.of(COMPLETED, 1));
            assertThat(a.get("maria-oliveira").hosted()).isEmpty();
            assertThat(a.get("maria-oliveira").meetings()).isEqualTo(Map.of(COMPLETED, 1));
            assertThat(a.get("maria-oliveira").calls()).isEqualTo(Map.of(COMPLETED, 1));
            assertThat(a.get("maria-oliveira").visitsAbroad()).isEqualTo(Map.of(COMPLETED, 1));
            assertThat(a.get("maria-oliveira").name()).isEqualTo("Maria Oliveira");

            Map<String, Dyad> d = h.dyads();
            assertThat(d).containsOnlyKeys("BR|JP", "BR|SN", "JP|SN");
            assertThat(d.get("BR|JP").counts()).isEqualTo(Map.of(
                    EventType.VISIT, Map.of(COMPLETED, 1),
                    EventType.MEETING, Map.of(COMPLETED, 1),
                    EventType.CALL, Map.of(COMPLETED, 1)));
            assertThat(d.get("BR|JP").latest().type()).isEqualTo(EventType.CALL);
            assertThat(d.get("BR|JP").countries()).containsExactly("BR", "JP");
        }
    }

    @Test
    @DisplayName("While an event is re-formed under a new id, no version of the leader's record counts it twice")
    void neverDoubleCountedInTransit() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("t1", "2025-06-01", DIALLO, "GH", EventStatus.PLANNED, "2025-07"));
            h.activityOut.readRecordsToList();
            h.pipe(visit("t0", "2025-05-01", DIALLO, "GH", EventStatus.SPECULATED, "2025-07"));

            List<LeaderActivity> versions = h.activityOut.readValuesToList();
            assertThat(versions).isNotEmpty();
            assertThat(versions).allSatisfy(v -> {
                if (v != null) {
                    assertThat(v.eventCount()).isEqualTo(1);
                    assertThat(v.visitsAbroad().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
                }
            });
            assertThat(versions.get(versions.size() - 1).latest().eventId()).isIn(h.canonical().keySet());
        }
    }
}
