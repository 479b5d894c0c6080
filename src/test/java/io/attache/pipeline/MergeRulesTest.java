package io.attache.pipeline;

import static io.attache.extract.EventStatus.COMPLETED;
import static io.attache.extract.EventStatus.DECLINED;
import static io.attache.extract.EventStatus.PLANNED;
import static io.attache.extract.EventStatus.SPECULATED;
import static io.attache.pipeline.PipelineHarness.DIALLO;
import static io.attache.pipeline.PipelineHarness.OLIVEIRA;
import static io.attache.pipeline.PipelineHarness.SATO;
import static io.attache.pipeline.PipelineHarness.mention;
import static io.attache.pipeline.PipelineHarness.visit;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventType;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MergeRulesTest {

    @Test
    @DisplayName("Reports over months make one event per real trip, keep past trips apart and alert only on news")
    void tripsAcrossArticles() {
        try (PipelineHarness h = new PipelineHarness()) {
            // April: a trip to Senegal "this year" is floated; the same piece guesses at September.
            h.pipe(visit("n-apr", "2025-04-01", DIALLO, "FR", SPECULATED, "2025"));
            h.pipe(visit("n-apr", "2025-04-01", DIALLO, "FR", SPECULATED, "2025-09"));
            h.pipe(visit("n-apr", "2025-04-01", DIALLO, "FR", COMPLETED, "2001"));
            // May: the president will not go to the May ceremony.
            h.pipe(visit("n-may", "2025-05-08", DIALLO, "FR", DECLINED, "2025-05"));
            // August: a trip to Japan is announced; background recalls the 2023 trip to France.
            h.pipe(visit("n-aug", "2025-08-28", DIALLO, "JP", PLANNED, "2025-09"));
            h.pipe(visit("n-aug", "2025-08-28", DIALLO, "FR", COMPLETED, "2023-09"));
            h.pipe(visit("n-aug", "2025-08-28", DIALLO, "CN", COMPLETED, "2024-06"));
            // October: the Japan trip took place.
            h.pipe(visit("n-oct", "2025-10-07", DIALLO, "JP", COMPLETED, "2025-09"));

            CanonicalEvent japan = h.visit(DIALLO, "JP", "2025-09");
            assertThat(japan.status()).isEqualTo(COMPLETED);
            assertThat(japan.articles()).containsExactly("n-aug", "n-oct");
            CanonicalEvent france2025 = h.visit(DIALLO, "FR", "2025-05");
            assertThat(france2025.status()).isEqualTo(DECLINED);
            assertThat(france2025.articles()).containsExactly("n-apr", "n-may");
            assertThat(h.visit(DIALLO, "FR", "2023-09").articles()).containsExactly("n-aug");
            assertThat(h.visit(DIALLO, "FR", "2025-09").articles()).containsExactly("n-apr");

            List<Alert> alerts = h.alertsOut.readValuesToList();
            assertThat(alerts).extracting(a -> a.event().date()).doesNotContain("2001", "2023-09", "2024-06");
            assertThat(alerts).extracting(a -> a.event().hostCountry()).containsOnly("FR", "JP");
        }
    }

    @Test
    @DisplayName("An undated report joins the nearest open event, not a trip already over")
    void undatedJoinsNearestOpen() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("u1", "2024-03-01", OLIVEIRA, "IT", COMPLETED, "2024-02"));
            h.pipe(visit("u2", "2025-05-01", OLIVEIRA, "IT", PLANNED, "2025-06"));
            h.pipe(visit("u3", "2025-05-20", OLIVEIRA, "IT", PLANNED, null));
            h.pipe(visit("u4", "2025-07-01", OLIVEIRA, "IT", PLANNED, null));

            assertThat(h.visit(OLIVEIRA, "IT", "2025-06").articles()).containsExactly("u2", "u3", "u4");
            assertThat(h.visit(OLIVEIRA, "IT", "2024-02").articles()).containsExactly("u1");
        }
    }

    @Test
    @DisplayName("An undated plan after the event was declined starts a new event")
    void undatedAfterOutcomeIsNew() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("v1", "2025-05-01", OLIVEIRA, "ES", DECLINED, "2025-05"));
            h.pipe(visit("v2", "2025-07-01", OLIVEIRA, "ES", PLANNED, null));

            assertThat(h.canonical()).hasSize(2);
            assertThat(h.visit(OLIVEIRA, "ES", null).status()).isEqualTo(PLANNED);
        }
    }

    @Test
    @DisplayName("One meeting reported from either side is one event; the same pair meeting elsewhere is another")
    void meetingsBySetOfPrincipals() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(mention("m1", "2025-06-10", EventType.MEETING, OLIVEIRA, List.of(SATO), "JP", PLANNED, "2025-06-12"));
            h.pipe(mention("m2", "2025-06-13", EventType.MEETING, SATO, List.of(OLIVEIRA), null, COMPLETED, "2025-06-12"));
            h.pipe(mention("m3", "2025-06-13", EventType.MEETING, SATO, List.of(OLIVEIRA), "BR", COMPLETED, "2025-06"));

            List<CanonicalEvent> meetings = List.copyOf(h.canonical().values());
            assertThat(meetings).hasSize(2);
            CanonicalEvent tokyo = meetings.stream().filter(e -> "JP".equals(e.hostCountry())).findFirst().orElseThrow();
            assertThat(tokyo.articles()).containsExactly("m1", "m2");
            assertThat(tokyo.status()).isEqualTo(COMPLETED);
            assertThat(tokyo.actor()).isEqualTo(OLIVEIRA);
            assertThat(tokyo.participants()).containsExactly(SATO);
        }
    }

    @Test
    @DisplayName("Syndicated near-copies are one report listing every URL; a distinct story is a second source")
    void nearDuplicateFolding() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("w1", "2025-06-01", OLIVEIRA, "KE", PLANNED, "2025-07"), "00000000000000ff");
            h.pipe(visit("w2", "2025-06-01", OLIVEIRA, "KE", PLANNED, "2025-07"), "00000000000000fe");
            CanonicalEvent folded = h.visit(OLIVEIRA, "KE", "2025-07");
            assertThat(folded.urls()).containsExactly("https://example.org/w1", "https://example.org/w2");
            assertThat(folded.sources()).isEqualTo(1);
            assertThat(folded.confidence()).isEqualTo(0.8);

            h.pipe(visit("w3", "2025-06-02", OLIVEIRA, "KE", PLANNED, "2025-07"), "ffffffffffff0000");
            CanonicalEvent two = h.visit(OLIVEIRA, "KE", "2025-07");
            assertThat(two.sources()).isEqualTo(2);
            assertThat(two.confidence()).isEqualTo(0.96);
            assertThat(h.alertsOut.readValuesToList()).extracting(Alert::kind).containsExactly(Alert.Kind.NEW_EVENT);
        }
    }
}
