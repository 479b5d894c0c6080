package io.attache.pipeline;

import static io.attache.extract.EventStatus.CANCELLED;
import static io.attache.extract.EventStatus.COMPLETED;
import static io.attache.extract.EventStatus.DECLINED;
import static io.attache.extract.EventStatus.PLANNED;
import static io.attache.extract.EventStatus.SPECULATED;
import static io.attache.extract.EventStatus.UNDERWAY;
import static io.attache.pipeline.PipelineHarness.OLIVEIRA;
import static io.attache.pipeline.PipelineHarness.visit;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.pipeline.lifecycle.StatusChange;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleTopologyTest {

    @Test
    @DisplayName("Speculated, planned, underway and completed reports of one trip make one event that alerts once new and at each status change")
    void fullLifecycle() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("a1", "2025-08-01", OLIVEIRA, "IN", SPECULATED, "2025"));
            h.pipe(visit("a2", "2025-08-20", OLIVEIRA, "IN", PLANNED, "2025-09"));
            h.pipe(visit("a3", "2025-09-08", OLIVEIRA, "IN", UNDERWAY, "2025-09-08"));
            h.pipe(visit("a4", "2025-09-12", OLIVEIRA, "IN", COMPLETED, "2025-09-08"));

            CanonicalEvent e = h.visit(OLIVEIRA, "IN", "2025");
            assertThat(h.canonical()).hasSize(1);
            assertThat(e.status()).isEqualTo(COMPLETED);
            assertThat(e.date()).isEqualTo("2025-09-08");
            assertThat(e.articles()).containsExactly("a1", "a2", "a3", "a4");
            assertThat(e.statusHistory()).extracting(StatusChange::status).containsExactly(SPECULATED, PLANNED, UNDERWAY, COMPLETED);
            assertThat(e.firstSeen()).isEqualTo("2025-08-01");
            assertThat(e.lastUpdated()).isEqualTo("2025-09-12");
            List<Alert> alerts = h.alertsOut.readValuesToList();
            assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.NEW_EVENT, Alert.Kind.STATUS_CHANGED,
                    Alert.Kind.STATUS_CHANGED, Alert.Kind.STATUS_CHANGED);
            assertThat(alerts).extracting(Alert::previousStatus).containsExactly(null, SPECULATED, PLANNED, UNDERWAY);
            assertThat(alerts).extracting(Alert::articleId).containsExactly("a1", "a2", "a3", "a4");
            assertThat(alerts.get(3).event()).isEqualTo(e);
            assertThat(alerts.get(3).detectedAt()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(alerts).allSatisfy(a -> assertThat(a.eventId()).isEqualTo(e.eventId()));
        }
    }

    @Test
    @DisplayName("A planned trip that is then cancelled ends CANCELLED; one then declined ends DECLINED")
    void cancelledAndDeclined() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("b1", "2025-03-01", OLIVEIRA, "FR", PLANNED, "2025-04"));
            h.pipe(visit("b2", "2025-03-20", OLIVEIRA, "FR", CANCELLED, "2025-04"));
            h.pipe(visit("c1", "2025-03-01", OLIVEIRA, "DE", PLANNED, "2025-05-10"));
            h.pipe(visit("c2", "2025-05-02", OLIVEIRA, "DE", DECLINED, null));

            assertThat(h.visit(OLIVEIRA, "FR", "2025-04").status()).isEqualTo(CANCELLED);
            CanonicalEvent de = h.visit(OLIVEIRA, "DE", "2025-05-10");
            assertThat(de.status()).isEqualTo(DECLINED);
            assertThat(de.articles()).containsExactly("c1", "c2");
            assertThat(h.alertsOut.readValuesToList()).filteredOn(a -> a.kind() == Alert.Kind.STATUS_CHANGED)
                    .extracting(Alert::status).containsExactly(CANCELLED, DECLINED);
        }
    }

    @Test
    @DisplayName("A late-arriving older article joins the event without moving it backwards or alerting, and the table ends as if in order")
    void lateOlderArticle() {
        CanonicalEvent inOrder;
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("d1", "2025-08-28", OLIVEIRA, "CN", PLANNED, "2025-09"));
            h.pipe(visit("d2", "2025-10-07", OLIVEIRA, "CN", COMPLETED, "2025-09"));
            inOrder = h.visit(OLIVEIRA, "CN", "2025-09");
        }
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("d2", "2025-10-07", OLIVEIRA, "CN", COMPLETED, "2025-09"));
            String firstId = h.visit(OLIVEIRA, "CN", "2025-09").eventId();
            h.alertsOut.readValuesToList();
            h.pipe(visit("d1", "2025-08-28", OLIVEIRA, "CN", PLANNED, "2025-09"));

            CanonicalEvent e = h.visit(OLIVEIRA, "CN", "2025-09");
            assertThat(e).isEqualTo(inOrder);
            assertThat(e.status()).isEqualTo(COMPLETED);
            assertThat(e.statusHistory()).containsExactly(new StatusChange(PLANNED, "d1", "2025-08-28"),
                    new StatusChange(COMPLETED, "d2", "2025-10-07"));
            assertThat(h.alertsOut.isEmpty()).as("no alert: the status did not change").isTrue();
            assertThat(e.eventId()).as("the earliest report anchors the id").isNotEqualTo(firstId);
            assertThat(h.canonical()).containsOnlyKeys(e.eventId());
        }
    }

    @Test
    @DisplayName("A later report of an earlier stage never moves an event backwards")
    void neverBackwards() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("e1", "2025-06-01", OLIVEIRA, "AR", UNDERWAY, "2025-06-01"));
            h.pipe(visit("e2", "2025-06-02", OLIVEIRA, "AR", PLANNED, "2025-06"));
            h.pipe(visit("e3", "2025-06-03", OLIVEIRA, "AR", CANCELLED, "2025-06"));

            CanonicalEvent e = h.visit(OLIVEIRA, "AR", "2025-06");
            assertThat(e.status()).isEqualTo(UNDERWAY);
            assertThat(e.articles()).containsExactly("e1", "e2", "e3");
            assertThat(h.alertsOut.readValuesToList()).extracting(Alert::kind).containsExactly(Alert.Kind.NEW_EVENT);
        }
    }

    @Test
    @DisplayName("A cancelled trip that later is reported completed for the same dates ends COMPLETED, with both in its history")
    void completedAfterCancelled() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("f1", "2025-02-01", OLIVEIRA, "MX", PLANNED, "2025-03"));
            h.pipe(visit("f2", "2025-02-10", OLIVEIRA, "MX", CANCELLED, "2025-03"));
            h.pipe(visit("f3", "2025-03-20", OLIVEIRA, "MX", COMPLETED, "2025-03-18"));

            CanonicalEvent e = h.visit(OLIVEIRA, "MX", "2025-03");
            assertThat(e.status()).isEqualTo(COMPLETED);
            assertThat(e.statusHistory()).extracting(StatusChange::status).containsExactly(PLANNED, CANCELLED, COMPLETED);
        }
    }

    @Test
    @DisplayName("A redelivered mention changes nothing: no canonical record, no alert")
    void redelivery() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("g1", "2025-08-01", OLIVEIRA, "PT", PLANNED, "2025-09"));
            h.canonical();
            h.alertsOut.readValuesToList();
            h.pipe(visit("g1", "2025-08-01", OLIVEIRA, "PT", PLANNED, "2025-09"));

            assertThat(h.canonicalOut.isEmpty()).isTrue();
            assertThat(h.alertsOut.isEmpty()).isTrue();
        }
    }

    @Test
    @DisplayName("Background events dated beyond the horizon update the tables without alerting; inside the horizon they alert")
    void alertHorizon() {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("h1", "2025-08-28", OLIVEIRA, "RU", COMPLETED, "2023-09"));
            h.pipe(visit("h1", "2025-08-28", OLIVEIRA, "KR", COMPLETED, "2001"));
            h.pipe(visit("h1", "2025-08-28", OLIVEIRA, "US", COMPLETED, "2025-07-25"));
            h.pipe(visit("h1", "2025-08-28", OLIVEIRA, "CL", COMPLETED, "2025-08-01"));

            assertThat(h.canonical()).hasSize(4);
            List<TestRecord<String, Alert>> alerts = h.alertsOut.readRecordsToList();
            assertThat(alerts).extracting(r -> r.value().event().hostCountry()).containsExactly("CL");
        }
        try (PipelineHarness h = new PipelineHarness(10_000, article -> List.of())) {
            h.pipe(visit("h1", "2025-08-28", OLIVEIRA, "RU", COMPLETED, "2023-09"));
            assertThat(h.alertsOut.readValuesToList()).hasSize(1);
        }
    }
}
