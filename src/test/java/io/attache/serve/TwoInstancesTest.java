package io.attache.serve;

import static io.attache.serve.ServingHarness.await;
import static io.attache.serve.ServingHarness.mention;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.EventPipeline;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two instances of the app on one broker, each owning part of every store, answer alike for every key. */
class TwoInstancesTest {

    static final String[] COUNTRIES = {"BR", "JP", "SN", "CZ", "KE", "CL", "VN", "NO", "MA", "NZ", "PE", "GH"};

    @Test
    @DisplayName("/api/leaders/{id} and /api/events/{id} answer identically on both instances for every key, "
            + "and an alert cursor from one resumes on the other")
    void everyKeyOnEveryInstance() throws Exception {
        try (ServingHarness h = new ServingHarness()) {
            int portA = ServingHarness.freePort();
            int portB = ServingHarness.freePort();
            ServingHarness.Instance a = h.create(h.config(portA, "127.0.0.1:" + portA, "", "state-a"));
            ServingHarness.Instance b = h.create(h.config(portB, "127.0.0.1:" + portB, "", "state-b"));
            CompletableFuture<Void> startA = CompletableFuture.runAsync(() -> a.app().start(Duration.ofMinutes(2)));
            b.app().start(Duration.ofMinutes(2));
            startA.get();

            List<EventMention> mentions = new ArrayList<>();
            List<String> leaders = new ArrayList<>();
            IntStream.range(0, COUNTRIES.length).forEach(i -> {
                Principal p = new Principal("leader-" + i, "Leader " + i, COUNTRIES[i], "President", true);
                leaders.add(p.id());
                String host = COUNTRIES[(i + 1) % COUNTRIES.length];
                mentions.add(mention("m" + i, EventType.VISIT, EventStatus.PLANNED, p, List.of(), host, null, null,
                        "2027-0" + (1 + i % 9), "2026-11-2" + (i % 10) + "T10:00:00Z"));
            });
            h.publish(mentions.toArray(EventMention[]::new));

            await(Duration.ofSeconds(90), "both instances to hold every event and leader", () ->
                    total(h, a) == COUNTRIES.length && total(h, b) == COUNTRIES.length
                            && leaderCount(h, a) == COUNTRIES.length && leaderCount(h, b) == COUNTRIES.length);
            List<String> events = h.json(a.base() + "/api/events?size=100").get("items").findValuesAsText("event_id");
            assertThat(events).hasSize(COUNTRIES.length);

            // each instance holds only part of each store, so the rest is fetched from the other
            Set<String> localA = localKeys(h, a, EventPipeline.LEADERS_STORE);
            Set<String> localB = localKeys(h, b, EventPipeline.LEADERS_STORE);
            assertThat(localA).isNotEmpty().doesNotContainAnyElementsOf(localB);
            assertThat(localB).isNotEmpty();
            assertThat(union(localA, localB)).containsExactlyInAnyOrderElementsOf(leaders);
            assertThat(localKeys(h, a, EventPipeline.EVENTS_STORE)).isNotEmpty().hasSizeLessThan(COUNTRIES.length);

            for (String id : leaders) {
                assertSame(h, a, b, "/api/leaders/" + id);
            }
            for (String id : events) {
                assertSame(h, a, b, "/api/events/" + id);
            }
            List<String> dyads = h.json(a.base() + "/api/relations").findValuesAsText("dyad");
            assertThat(dyads).hasSize(COUNTRIES.length);
            for (String dyad : dyads) {
                String[] pair = dyad.split("\\|");
                assertSame(h, a, b, "/api/relations/" + pair[1] + "/" + pair[0]);
            }
            assertSame(h, a, b, "/api/relations");
            // an alert cursor from one instance resumes on the other with exactly the alerts after it
            await(Duration.ofSeconds(60), "every alert in both feeds", () ->
                    h.json(a.base() + "/api/alerts?limit=100").size() == COUNTRIES.length
                            && h.json(b.base() + "/api/alerts?limit=100").size() == COUNTRIES.length);
            JsonNode alertsOnA = h.json(a.base() + "/api/alerts?limit=100");
            List<String> newerOnA = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                newerOnA.add(alertsOnA.get(i).get("alert").get("article_id").asText());
            }
            try (ServingHarness.SseReader sse = new ServingHarness.SseReader(h.http(), b.base() + "/api/alerts/stream",
                    alertsOnA.get(5).get("id").asText())) {
                assertThat(sse.take(5)).extracting(e -> ApiServingTest.read(e.data()).get("article_id").asText())
                        .containsExactlyInAnyOrderElementsOf(newerOnA);
                assertThat(sse.poll(Duration.ofSeconds(1))).isNull();
            }
            rebalanceAnswersRightOrNotAtAll(h, a, b, leaders, events);
            assertThat(h.json(a.base() + "/api/leaders/leader-3").get("timeline").get(0).get("host_country").asText())
                    .isEqualTo(COUNTRIES[4]);
        }
    }

    /**
     * Stops B while reading every key from A: until A owns and has restored everything, each answer
     * is either the right one or 503 with Retry-After; afterwards A alone answers every key.
     */
    private static void rebalanceAnswersRightOrNotAtAll(ServingHarness h, ServingHarness.Instance a,
            ServingHarness.Instance b, List<String> leaders, List<String> events) {
        Map<String, String> expected = new LinkedHashMap<>();
        leaders.forEach(id -> expected.put("/api/leaders/" + id, h.get(a.base() + "/api/leaders/" + id).body()));
        events.forEach(id -> expected.put("/api/events/" + id, h.get(a.base() + "/api/events/" + id).body()));
        expected.put("/api/events?size=100", h.get(a.base() + "/api/events?size=100").body());
        CompletableFuture<Void> stopB = CompletableFuture.runAsync(() -> b.app().close());
        int unavailable = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean settled = false;
        while (!settled) {
            assertThat(System.nanoTime()).as("A answers everything alone within 90 s").isLessThan(deadline);
            boolean bStopped = stopB.isDone();
            boolean allAnswered = true;
            for (Map.Entry<String, String> e : expected.entrySet()) {
                HttpResponse<String> r = h.get(a.base() + e.getKey());
                if (r.statusCode() == 503) {
                    assertThat(r.headers().firstValue("Retry-After")).as(e.getKey()).isPresent();
                    unavailable++;
                    allAnswered = false;
                } else {
                    assertThat(r.statusCode()).as(e.getKey() + ": " + r.body()).isEqualTo(200);
                    assertThat(r.body()).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
            settled = bStopped && allAnswered;
        }
        System.out.println("while B stopped, A answered 503 " + unavailable + " times and never wrongly");
    }

    private static void assertSame(ServingHarness h, ServingHarness.Instance a, ServingHarness.Instance b, String path) {
        HttpResponse<String> fromA = h.get(a.base() + path);
        HttpResponse<String> fromB = h.get(b.base() + path);
        assertThat(fromA.statusCode()).as("A " + path).isEqualTo(200);
        assertThat(fromB.statusCode()).as("B " + path).isEqualTo(200);
        assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
    }

    private static int total(ServingHarness h, ServingHarness.Instance i) {
        HttpResponse<String> r = h.get(i.base() + "/api/events");
        return r.statusCode() == 200 ? ApiServingTest.read(r.body()).get("total").asInt() : -1;
    }

    private static int leaderCount(ServingHarness h, ServingHarness.Instance i) {
        HttpResponse<String> r = h.get(i.base() + "/api/leaders");
        return r.statusCode() == 200 ? ApiServingTest.read(r.body()).size() : -1;
    }

    private static Set<String> localKeys(ServingHarness h, ServingHarness.Instance i, String store) {
        JsonNode values = h.json(i.base() + StoreQueries.INTERNAL + store);
        Set<String> keys = new HashSet<>();
        values.forEach(v -> keys.add(Objects.requireNonNullElse(v.path("leader_id").textValue(), v.path("event_id").asText())));
        return keys;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
