package io.attache.serve;

import static io.attache.serve.ServingHarness.await;
import static io.attache.serve.ServingHarness.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/** The HTTP API, SSE, metrics, health and token of one instance on a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServingTest {

    static final Principal OLIVEIRA = new Principal("maria-oliveira", "Maria Oliveira", "BR", "President", true);
    static final Principal SATO = new Principal("kenji-sato", "Kenji Sato", "JP", "Prime Minister", true);
    static final Principal DIALLO = new Principal("amara-diallo", "Amara Diallo", "SN", "President", true);
    static final Principal NOVAK = new Principal("petra-novak", "Petra Novak", "CZ", "Prime Minister", true);
    static final Duration WAIT = Duration.ofSeconds(60);

    ServingHarness h;
    ServingHarness.Instance app;
    String base;

    @BeforeAll
    void start() throws IOException {
        h = new ServingHarness();
        app = h.startAlone();
        base = app.base();
        h.publish(new Article("art-1", "https://news.example/art-1", "test-wire", "2026-11-20T08:00:00Z",
                "A title", "Some text of an accepted article.", "en", null));
        h.publishRaw("art-empty", new byte[0]);
        h.publish(
                mention("a1", EventType.VISIT, EventStatus.PLANNED, OLIVEIRA, List.of(), "JP", "Tokyo", "state visit",
                        "2026-12", "2026-11-20T08:00:00Z"),
                mention("a2", EventType.VISIT, EventStatus.COMPLETED, OLIVEIRA, List.of(), "JP", "Tokyo", "state visit",
                        "2026-12", "2026-12-05T08:00:00Z"),
                mention("a3", EventType.CALL, EventStatus.COMPLETED, SATO, List.of(DIALLO), null, null, null,
                        "2026-11-18", "2026-11-18T20:00:00Z"),
                mention("a4", EventType.MEETING, EventStatus.COMPLETED, NOVAK, List.of(OLIVEIRA), "BR", "Brasilia",
                        null, "2026-10-02", "2026-10-02T12:00:00Z"));
        await(WAIT, "three events and three leaders' activity", () -> {
            HttpResponse<String> events = h.get(base + "/api/events");
            HttpResponse<String> leaders = h.get(base + "/api/leaders");
            return events.statusCode() == 200 && read(events.body()).get("total").asInt() == 3
                    && leaders.statusCode() == 200 && read(leaders.body()).size() == 4
                    && h.json(base + "/api/events?type=VISIT").get("items").get(0).get("status").asText().equals("COMPLETED")
                    && h.json(base + "/api/alerts").size() == 4;
        });
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    @DisplayName("/api/leaders lists activity rows, filters by country and sorts by activity")
    void leaders() {
        JsonNode all = h.json(base + "/api/leaders");
        assertThat(all.get(0).get("leader_id").asText()).isEqualTo("maria-oliveira");
        JsonNode oliveira = all.get(0);
        assertThat(oliveira.get("country").asText()).isEqualTo("BR");
        assertThat(oliveira.get("visits_abroad").get("COMPLETED").asInt()).isEqualTo(1);
        assertThat(oliveira.get("meetings").get("COMPLETED").asInt()).isEqualTo(1);
        assertThat(oliveira.get("event_count").asInt()).isEqualTo(2);
        assertThat(oliveira.get("latest").get("type").asText()).isEqualTo("VISIT");

        JsonNode japan = h.json(base + "/api/leaders?country=jp");
        assertThat(japan).hasSize(1);
        assertThat(japan.get(0).get("leader_id").asText()).isEqualTo("kenji-sato");
        assertThat(japan.get(0).get("calls").get("COMPLETED").asInt()).isEqualTo(1);

        assertThat(h.get(base + "/api/leaders?sort=mood").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("/api/leaders/{id} returns the activity row and the leader's events, newest first; 404 for an unknown id")
    void leader() {
        JsonNode body = h.json(base + "/api/leaders/maria-oliveira");
        assertThat(body.get("activity").get("name").asText()).isEqualTo("Maria Oliveira");
        List<String> timeline = new ArrayList<>();
        body.get("timeline").forEach(e -> timeline.add(e.get("type").asText() + " " + e.get("date").asText()));
        assertThat(timeline).containsExactly("VISIT 2026-12", "MEETING 2026-10-02");
        assertThat(h.get(base + "/api/leaders/nobody-at-all").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("/api/events filters by leader, country, type, status and date range, and pages")
    void events() {
        assertThat(ids("/api/events?type=call")).hasSize(1);
        assertThat(ids("/api/events?leader=kenji-sato")).hasSize(1);
        assertThat(ids("/api/events?country=SN")).hasSize(1);
        assertThat(ids("/api/events?country=BR")).hasSize(2);
        assertThat(ids("/api/events?status=COMPLETED")).hasSize(3);
        assertThat(ids("/api/events?status=PLANNED,INVITED")).isEmpty();
        assertThat(ids("/api/events?from=2026-11-01&to=2026-11-30")).hasSize(1);
        // a month-precise event falls within a range that overlaps its month
        assertThat(ids("/api/events?from=2026-12-10")).hasSize(1);
        assertThat(ids("/api/events?to=2026-10")).hasSize(1);

        JsonNode page = h.json(base + "/api/events?size=2&page=1&sort=date");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("date").asText()).isEqualTo("2026-12");

        HttpResponse<String> bad = h.get(base + "/api/events?from=last-week");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from must be a date");
    }

    @Test
    @DisplayName("/api/events/{id} carries the status history and every article URL; 404 for an unknown id")
    void event() {
        String id = h.json(base + "/api/events?type=VISIT").get("items").get(0).get("event_id").asText();
        JsonNode e = h.json(base + "/api/events/" + id);
        assertThat(e.get("event_id").asText()).isEqualTo(id);
        List<String> statuses = new ArrayList<>();
        e.get("status_history").forEach(s -> statuses.add(s.get("status").asText()));
        assertThat(statuses).containsExactly("PLANNED", "COMPLETED");
        assertThat(e.get("urls").toString()).contains("https://news.example/a1", "https://news.example/a2");
        assertThat(h.get(base + "/api/events/no-such-event").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("/api/relations lists country pairs; /api/relations/{a}/{b} answers in either order; /api/events?pair= lists a pair's events")
    void relations() {
        Set<String> pairs = new HashSet<>();
        h.json(base + "/api/relations").forEach(d -> pairs.add(d.get("dyad").asText()));
        assertThat(pairs).containsExactlyInAnyOrder("BR|JP", "JP|SN", "BR|CZ");
        assertThat(h.json(base + "/api/relations?country=SN")).hasSize(1);

        JsonNode d = h.json(base + "/api/relations/jp/BR");
        assertThat(d.get("dyad").asText()).isEqualTo("BR|JP");
        assertThat(d.get("counts").get("VISIT").get("COMPLETED").asInt()).isEqualTo(1);
        assertThat(d.get("latest").get("type").asText()).isEqualTo("VISIT");
        assertThat(h.get(base + "/api/relations/FR/DE").statusCode()).isEqualTo(404);

        JsonNode between = h.json(base + "/api/events?pair=JP,br");
        assertThat(between.get("total").asInt()).isEqualTo(d.get("event_count").asInt()).isPositive();
        between.get("items").forEach(e -> assertThat(e.get("host_country").asText() + e.get("actor").get("country").asText())
                .contains("JP").contains("BR"));
        assertThat(h.get(base + "/api/events?pair=JP").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(Integer.MAX_VALUE) // adds events, so it runs after the tests that count them
    @DisplayName("The alert stream sends new alerts as SSE and, given Last-Event-ID, replays exactly what was missed")
    void alertStream() throws Exception {
        JsonNode recent = h.json(base + "/api/alerts?limit=1");
        String last = recent.get(0).get("id").asText();

        List<ServingHarness.Sse> first;
        try (ServingHarness.SseReader sse = new ServingHarness.SseReader(h.http(), base + "/api/alerts/stream", last)) {
            h.publish(mention("s1", EventType.CALL, EventStatus.COMPLETED, DIALLO, List.of(NOVAK), null, null, null,
                    "2026-12-01", "2026-12-01T09:00:00Z"));
            first = sse.take(1);
        }
        assertThat(first.get(0).event()).isEqualTo("alert");
        JsonNode alert = read(first.get(0).data());
        assertThat(alert.get("kind").asText()).isEqualTo("NEW_EVENT");
        assertThat(alert.get("article_id").asText()).isEqualTo("s1");
        assertThat(alert.get("event").get("actor").get("id").asText()).isEqualTo("amara-diallo");

        // disconnected: two alerts happen meanwhile
        h.publish(mention("s2", EventType.CALL, EventStatus.COMPLETED, NOVAK, List.of(SATO), null, null, null,
                        "2026-12-02", "2026-12-02T09:00:00Z"),
                mention("s3", EventType.VISIT, EventStatus.PLANNED, SATO, List.of(), "SN", "Dakar", null,
                        "2027-01", "2026-12-02T10:00:00Z"));
        await(WAIT, "both alerts in the feed", () -> h.json(base + "/api/alerts?limit=2").findValuesAsText("article_id")
                .containsAll(List.of("s2", "s3")));

        try (ServingHarness.SseReader sse = new ServingHarness.SseReader(h.http(), base + "/api/alerts/stream", first.get(0).id())) {
            List<ServingHarness.Sse> missed = sse.take(2);
            assertThat(missed).extracting(m -> read(m.data()).get("article_id").asText()).containsExactlyInAnyOrder("s2", "s3");
            assertThat(sse.poll(Duration.ofMillis(1500))).as("nothing beyond what was missed").isNull();
        }
    }

    @Test
    @DisplayName("/metrics is valid Prometheus text with the pipeline's meters, the e2e latency histogram and Kafka's metrics")
    void metrics() {
        await(WAIT, "article and rejection counted", () -> {
            String body = h.get(base + "/metrics").body();
            return body.contains("attache_articles_in_total") && body.contains("attache_articles_rejected_total");
        });
        HttpResponse<String> r = h.get(base + "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        Map<String, Double> samples = PrometheusText.parse(r.body());

        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("attache_e2e_latency_seconds_bucket{"));
        assertThat(samples.get("attache_e2e_latency_seconds_count")).isGreaterThanOrEqualTo(3.0);
        assertThat(samples.get("attache_e2e_latency_seconds_bucket{le=\"+Inf\"}")).isGreaterThanOrEqualTo(3.0);
        assertThat(samples.get("attache_alerts_total{kind=\"NEW_EVENT\"}")).isGreaterThanOrEqualTo(3.0);
        assertThat(samples.get("attache_alerts_total{kind=\"STATUS_CHANGED\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples.get("attache_mentions_total{status=\"PLANNED\",type=\"VISIT\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples.get("attache_events_total{status=\"COMPLETED\",type=\"CALL\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples.get("attache_articles_in_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples.get("attache_articles_rejected_total{reason=\"EMPTY\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("kafka_stream_"));
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("kafka_consumer_") && k.contains("attache-alert-feed"));
    }

    @Test
    @DisplayName("Health: live answers, ready only once Streams runs; a query before that answers 503 with Retry-After; "
            + "closing the app stops HTTP")
    void health() {
        assertThat(h.get(base + "/health/live").statusCode()).isEqualTo(200);
        JsonNode ready = h.json(base + "/health/ready");
        assertThat(ready.get("status").asText()).isEqualTo("UP");

        ServingHarness.Instance idle = h.create(h.config(0, "", "", "state-idle"));
        try {
            String idleBase = idle.base();
            assertThat(h.get(idleBase + "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = h.get(idleBase + "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(read(notReady.body()).get("streams").asText()).isEqualTo("CREATED");
            HttpResponse<String> query = h.get(idleBase + "/api/leaders/maria-oliveira");
            assertThat(query.statusCode()).isEqualTo(503);
            assertThat(query.headers().firstValue("Retry-After")).isPresent();

            // closing the app closes its HTTP server first, ending open alert streams
            try (ServingHarness.SseReader sse = new ServingHarness.SseReader(h.http(), idleBase + "/api/alerts/stream", null)) {
                idle.app().close();
                assertThat(sse.ended(Duration.ofSeconds(10))).as("alert stream ended by the shutdown").isTrue();
            }
            assertThatThrownBy(() -> h.get(idleBase + "/health/live")).hasCauseInstanceOf(java.net.ConnectException.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            idle.app().close();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // adds an event
    @DisplayName("Closing a server stops serving at once but lets an alert stream still busy in its handler finish: "
            + "the stream ends with a complete response and nothing runs on a request after the server stopped")
    void closeLetsBusyStreamFinish() throws Exception {
        Logger javalin = (Logger) LoggerFactory.getLogger("io.javalin");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        javalin.addAppender(logged);
        AttacheServer server = AttacheServer.start(app.app(), h.config(0, "", "", "unused"));
        String url = "http://127.0.0.1:" + server.port();
        CountDownLatch feedHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the feed hands an alert to its subscribers under its lock: held there, it keeps a new stream's handler waiting
        Consumer<AlertFeed.Entry> holder = alert -> {
            feedHeld.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        server.alerts().subscribe(null, holder);
        try {
            h.publish(mention("q1", EventType.CALL, EventStatus.COMPLETED, OLIVEIRA, List.of(NOVAK), null, null, null,
                    "2026-12-03", "2026-12-03T09:00:00Z"));
            assertThat(feedHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the new alert reached the feed").isTrue();
            // the headers come before the handler runs, which then waits for the feed
            HttpResponse<Stream<String>> busy = h.http().send(HttpRequest.newBuilder(URI.create(url + "/api/alerts/stream")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(busy.statusCode()).isEqualTo(200);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            await(WAIT, "the closing server to stop answering new requests", () -> !answers(url + "/health/live"));
            // longer than Jetty's default idle timeout for connections while it stops (1 s)
            assertThatThrownBy(() -> closing.get(1500, TimeUnit.MILLISECONDS)).as("close() waits for the busy stream")
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            List<String> lines = new ArrayList<>();
            assertThatCode(() -> busy.body().forEach(lines::add)).as("the busy stream ends with a complete response")
                    .doesNotThrowAnyException();
            assertThat(lines).as("the busy stream replayed the kept alerts").anyMatch(l -> l.startsWith("data:") && l.contains("\"q1\""));
            synchronized (logged) {
                assertThat(logged.list).as("Javalin's warnings and errors").extracting(e -> e.getFormattedMessage() + ": "
                        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).isEmpty();
            }
        } finally {
            release.countDown();
            server.alerts().unsubscribe(holder);
            server.close();
            javalin.detachAppender(logged);
        }
    }

    /** Whether a new request to the URL is answered 200. */
    private boolean answers(String url) {
        try {
            return h.http().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("With a token, the API needs it (header or access_token), while health, metrics and the page stay open")
    void token() {
        ServingHarness.Instance guarded = new ServingHarness.Instance(app.app(),
                AttacheServer.start(app.app(), h.config(0, "", "s3cret", "unused")));
        try {
            String g = guarded.base();
            HttpResponse<String> denied = h.get(g + "/api/leaders");
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(h.get(g + "/api/leaders", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
            assertThat(h.get(g + "/api/leaders", Map.of("Authorization", "Bearer s3cret")).statusCode()).isEqualTo(200);
            assertThat(h.get(g + "/api/leaders?access_token=s3cret").statusCode()).isEqualTo(200);
            assertThat(h.get(g + "/api/alerts/stream", Map.of("Accept", "text/event-stream")).statusCode()).isEqualTo(401);
            assertThat(h.get(g + "/health/live").statusCode()).isEqualTo(200);
            assertThat(h.get(g + "/metrics").statusCode()).isEqualTo(200);
            assertThat(h.get(g + "/").statusCode()).isEqualTo(200);
        } finally {
            guarded.server().close();
        }
    }

    @Test
    @DisplayName("/openapi.json documents every route, and its schemas name exactly the fields of the real JSON")
    void openapi() {
        JsonNode spec = h.json(base + "/openapi.json");
        assertThat(spec.get("openapi").asText()).startsWith("3.1");
        assertThat(fieldNames(spec.get("paths"))).contains("/api/leaders", "/api/leaders/{id}", "/api/events",
                "/api/events/{id}", "/api/relations", "/api/relations/{a}/{b}", "/api/alerts", "/api/alerts/stream",
                "/health/live", "/health/ready", "/metrics");
        JsonNode schemas = spec.get("components").get("schemas");
        JsonNode leader = h.json(base + "/api/leaders/maria-oliveira");
        JsonNode event = leader.get("timeline").get(0);
        JsonNode alert = h.json(base + "/api/alerts?limit=1").get(0);
        JsonNode dyad = h.json(base + "/api/relations/BR/JP");
        JsonNode page = h.json(base + "/api/events");
        assertSchema(schemas, "LeaderActivity", leader.get("activity"));
        assertSchema(schemas, "LeaderDetail", leader);
        assertSchema(schemas, "CanonicalEvent", event);
        assertSchema(schemas, "Principal", event.get("actor"));
        assertSchema(schemas, "StatusChange", event.get("status_history").get(0));
        assertSchema(schemas, "EventRef", dyad.get("latest"));
        assertSchema(schemas, "Dyad", dyad);
        assertSchema(schemas, "EventPage", page);
        assertSchema(schemas, "AlertEntry", alert);
        assertSchema(schemas, "Alert", alert.get("alert"));
    }

    private static void assertSchema(JsonNode schemas, String name, JsonNode real) {
        assertThat(schemas.has(name)).as("schema " + name).isTrue();
        assertThat(fieldNames(schemas.get(name).get("properties"))).as("properties of " + name)
                .containsExactlyInAnyOrderElementsOf(fieldNames(real));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<String> ids(String path) {
        return h.json(base + path).get("items").findValuesAsText("event_id");
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /**
     * A strict reader of the Prometheus text exposition format (0.0.4): HELP and TYPE comments, then
     * samples {@code name{label="value",...} number}, every sample of a family declared by TYPE.
     */
    static final class PrometheusText {

        private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
        private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
        private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + ")(?:," + LABEL + ")*,?\\})?"
                + " ([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Inf|NaN)( -?\\d+)?");
        private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
        private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");

        static Map<String, Double> parse(String text) {
            Map<String, Double> samples = new java.util.LinkedHashMap<>();
            Set<String> families = new HashSet<>();
            int n = 0;
            for (String line : text.split("\n", -1)) {
                n++;
                if (line.isEmpty()) {
                    continue;
                }
                var type = TYPE.matcher(line);
                if (type.matches()) {
                    families.add(type.group(1));
                    continue;
                }
                if (HELP.matcher(line).matches()) {
                    continue;
                }
                var m = SAMPLE.matcher(line);
                if (!m.matches()) {
                    throw new AssertionError("line " + n + " is not Prometheus text: " + line);
                }
                String name = m.group(1);
                String family = families.contains(name) ? name : name.replaceAll("_(bucket|count|sum|total|created)$", "");
                if (!families.contains(family) && !families.contains(name)) {
                    throw new AssertionError("line " + n + ": sample of undeclared family: " + line);
                }
                String key = name + (m.group(2) == null ? "" : m.group(2));
                if (samples.put(key, value(m.group(3))) != null) {
                    throw new AssertionError("line " + n + ": duplicate sample " + key);
                }
            }
            return samples;
        }

        private static double value(String v) {
            return switch (v) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            };
        }
    }
}
