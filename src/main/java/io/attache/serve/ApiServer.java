package io.attache.serve;

import io.attache.json.Json;
import io.attache.pipeline.EventPipeline;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of one attache instance: the query API over the state stores, the alert stream,
 * the dashboard, Prometheus metrics and health. Everything but health and metrics can be put behind
 * a bearer token.
 */
public final class ApiServer implements AutoCloseable {

    private static final String EVENTS_STORE = EventPipeline.EVENTS_STORE;
    private static final String LEADERS_STORE = EventPipeline.LEADERS_STORE;
    private static final String DYADS_STORE = EventPipeline.DYADS_STORE;
    private static final List<String> STORES = List.of(EVENTS_STORE, LEADERS_STORE, DYADS_STORE);
    private static final int MAX_PAGE = 500;
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    /** Comment lines keep idle SSE connections open through proxies and reveal closed ones. */
    private static final long HEARTBEAT_MS = 15_000;
    /** Alerts a slow SSE client may lag behind before it is dropped (it resumes with Last-Event-ID). */
    private static final int CLIENT_BACKLOG = 1_000;
    private static final AlertFeed.Entry END_OF_STREAM = new AlertFeed.Entry("", -1, -1, null);
    /** How long close() lets the requests in flight finish before the server cuts their connections. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final KafkaStreams streams;
    private final StoreQueries queries;
    private final AlertFeed alerts;
    private final PrometheusMeterRegistry registry;
    private final byte[] token;
    private final Javalin app;
    private volatile boolean closing;
    /** The queues of the open alert streams; close() ends each as it stops the server. */
    private final Set<BlockingQueue<AlertFeed.Entry>> streamQueues = ConcurrentHashMap.newKeySet();

    public ApiServer(KafkaStreams streams, StoreQueries queries, AlertFeed alerts, PrometheusMeterRegistry registry,
            String token) {
        this.streams = streams;
        this.queries = queries;
        this.alerts = alerts;
        this.registry = registry;
        this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        this.app = Javalin.create(cfg -> {
            // stop() is then graceful: Jetty stops accepting, answers 503 to new requests on open connections and
            // closes connections only once every request in flight has completed, alert streams included. Stopping
            // under a running request recycles it while its handler still runs, and Javalin's error handling of
            // the recycled response fails again and again, logging a warning each time, without end.
            cfg.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_GRACE.toMillis());
            });
            cfg.jetty.modifyServletContextHandler(h -> h.addFilter(new EventStreamAccept(), "/api/alerts/stream",
                    EnumSet.of(DispatcherType.REQUEST)));
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/dashboard";
                s.directory = "/dashboard";
                s.location = Location.CLASSPATH;
            });
            cfg.routes.before(this::authorize);
            cfg.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("/dashboard/index.html")));
            cfg.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
            cfg.routes.get("/health/ready", this::ready);
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/openapi.json")));
            cfg.routes.get("/api/leaders", this::leaders);
            cfg.routes.get("/api/leaders/{id}", this::leader);
            cfg.routes.get("/api/events", this::events);
            cfg.routes.get("/api/events/{id}", this::event);
            cfg.routes.get("/api/relations", ctx -> ctx.json(dyads(upper(ctx.queryParam("country")))));
            cfg.routes.get("/api/relations/{a}/{b}", this::relation);
            cfg.routes.get("/api/alerts", ctx -> ctx.json(recentAlerts(intParam(ctx, "limit", 50))));
            cfg.routes.sse("/api/alerts/stream", this::alertStream);
            cfg.routes.get(StoreQueries.INTERNAL + "{store}", ctx -> ctx.json(queries.localAll(store(ctx), partitions(ctx, store(ctx)))));
            cfg.routes.get(StoreQueries.INTERNAL + "{store}/{key}", this::internalGet);
            cfg.routes.exception(NotReadyException.class, (e, ctx) -> {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                        .json(Map.of("error", "not ready", "detail", e.getMessage()));
            });
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
        });
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Ends the open alert streams (and any about to open) and stops the server once every request in flight
     * has completed; requests still running after 10 s are cut off.
     */
    @Override
    public void close() {
        closing = true;
        streamQueues.forEach(q -> q.offer(END_OF_STREAM));
        try {
            app.stop();
        } catch (JavalinException e) {
            LOG.warn("HTTP requests still running {} s after the server began to stop were cut off: {}",
                    STOP_GRACE.toSeconds(), e.getMessage());
        }
    }

    /** The token guards the data; health, metrics and the dashboard's static files (no data) are open. */
    private void authorize(Context ctx) {
        String path = ctx.path();
        if (token.length == 0 || path.startsWith("/health/") || path.equals("/metrics") || path.equals("/")
                || path.startsWith("/dashboard/")) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : ctx.queryParam("access_token");
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer").status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "unauthorized"));
            ctx.skipRemainingHandlers();
        }
    }

    private void ready(Context ctx) {
        KafkaStreams.State state = streams.state();
        boolean ok = state == KafkaStreams.State.RUNNING;
        try {
            STORES.forEach(s -> queries.localAll(s, queries.localPartitions(s)));
        } catch (NotReadyException e) {
            ok = false;
        }
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", ok ? "UP" : "DOWN", "streams", state.name()));
    }

    private void leaders(Context ctx) {
        String country = upper(ctx.queryParam("country"));
        String sort = Objects.requireNonNullElse(ctx.queryParam("sort"), "activity");
        Comparator<LeaderActivity> order = switch (sort) {
            case "activity" -> Comparator.comparingInt(LeaderActivity::eventCount).reversed()
                    .thenComparing(LeaderActivity::leaderId);
            case "name" -> Comparator.comparing((LeaderActivity a) -> Objects.requireNonNullElse(a.name(), a.leaderId()));
            default -> throw new IllegalArgumentException("sort must be activity or name");
        };
        ctx.json(queries.all(LEADERS_STORE, LeaderActivity.class).stream()
                .filter(a -> country == null || country.equals(a.country()))
                .sorted(order).toList());
    }

    private void leader(Context ctx) {
        String id = ctx.pathParam("id");
        LeaderActivity activity = queries.get(LEADERS_STORE, id, LeaderActivity.class).orElse(null);
        if (activity == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no leader " + id));
            return;
        }
        List<CanonicalEvent> timeline = queries.all(EVENTS_STORE, CanonicalEvent.class).stream()
                .filter(e -> LeaderActivity.leadersOf(e).contains(id))
                .sorted(Comparator.comparing((CanonicalEvent e) -> Objects.requireNonNullElse(e.date(), "")).reversed()
                        .thenComparing(CanonicalEvent::eventId))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("activity", activity);
        body.put("timeline", timeline);
        ctx.json(body);
    }

    private void events(Context ctx) {
        Predicate<CanonicalEvent> filter = eventFilter(ctx);
        int size = Math.min(intParam(ctx, "size", 50), MAX_PAGE);
        int page = intParam(ctx, "page", 0);
        Comparator<CanonicalEvent> byDate = Comparator.comparing((CanonicalEvent e) -> Objects.requireNonNullElse(e.date(), ""))
                .thenComparing(CanonicalEvent::eventId);
        Comparator<CanonicalEvent> order = "date".equals(ctx.queryParam("sort")) ? byDate : byDate.reversed();
        List<CanonicalEvent> all = queries.all(EVENTS_STORE, CanonicalEvent.class).stream().filter(filter).sorted(order).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", all.size());
        body.put("page", page);
        body.put("size", size);
        body.put("items", all.stream().skip((long) page * size).limit(size).toList());
        ctx.json(body);
    }

    private static Predicate<CanonicalEvent> eventFilter(Context ctx) {
        String leader = ctx.queryParam("leader");
        String country = upper(ctx.queryParam("country"));
        String pair = pair(ctx.queryParam("pair"));
        Set<String> types = list(ctx.queryParam("type"));
        Set<String> statuses = list(ctx.queryParam("status"));
        String from = partialDate(ctx, "from");
        String to = partialDate(ctx, "to");
        return e -> (leader == null || LeaderActivity.leadersOf(e).contains(leader))
                && (pair == null || Dyad.dyadsOf(e).contains(pair))
                && (country == null || country.equals(e.hostCountry())
                    || Stream.concat(Stream.of(e.actor()), e.participants().stream()).anyMatch(p -> country.equals(p.country())))
                && (types.isEmpty() || types.contains(e.type().name()))
                && (statuses.isEmpty() || statuses.contains(e.status().name()))
                // partial dates compare at the coarser precision: 2025-09 is within from=2025-09-20 and to=2025-09-01
                && (from == null || (e.date() != null && coarser(e.date(), from).compareTo(coarser(from, e.date())) >= 0))
                && (to == null || (e.date() != null && coarser(e.date(), to).compareTo(coarser(to, e.date())) <= 0));
    }

    /** A country pair as the relations key ("BR|JP"), either order; null when absent. */
    private static String pair(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] two = value.toUpperCase(Locale.ROOT).split("[|,]");
        if (two.length != 2) {
            throw new IllegalArgumentException("pair must be two country codes like BR|JP, got '" + value + "'");
        }
        String a = two[0].trim();
        String b = two[1].trim();
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static String coarser(String date, String other) {
        return date.substring(0, Math.min(date.length(), other.length()));
    }

    private static String partialDate(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (!PARTIAL_DATE.matcher(v.trim()).matches()) {
            throw new IllegalArgumentException(name + " must be a date like 2025, 2025-09 or 2025-09-03, got '" + v + "'");
        }
        return v.trim();
    }

    /** A comma-separated filter value, upper-cased; empty when absent. */
    private static Set<String> list(String value) {
        Set<String> items = new TreeSet<>();
        if (value != null) {
            for (String v : value.split(",")) {
                if (!v.isBlank()) {
                    items.add(v.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return items;
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        queries.get(EVENTS_STORE, id, CanonicalEvent.class).ifPresentOrElse(ctx::json,
                () -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no event " + id)));
    }

    private List<Dyad> dyads(String country) {
        return queries.all(DYADS_STORE, Dyad.class).stream()
                .filter(d -> country == null || d.countries().contains(country))
                .sorted(Comparator.comparingInt(Dyad::eventCount).reversed().thenComparing(Dyad::dyad)).toList();
    }

    private void relation(Context ctx) {
        String a = upper(ctx.pathParam("a"));
        String b = upper(ctx.pathParam("b"));
        String key = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
        queries.get(DYADS_STORE, key, Dyad.class).ifPresentOrElse(ctx::json,
                () -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no relations recorded for " + key)));
    }

    private List<Object> recentAlerts(int limit) {
        List<AlertFeed.Entry> recent = alerts.recent();
        List<Object> newestFirst = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            newestFirst.add(Map.of("id", recent.get(i).id(), "alert", recent.get(i).alert()));
        }
        return newestFirst;
    }

    /**
     * Replays what the client missed (after its {@code Last-Event-ID}), then streams new alerts. The
     * request's own (async) thread writes, so one slow client never holds up the feed or another
     * client; a client lagging by more than {@value #CLIENT_BACKLOG} alerts is dropped and resumes.
     */
    private void alertStream(SseClient client) {
        BlockingQueue<AlertFeed.Entry> queue = new LinkedBlockingQueue<>(CLIENT_BACKLOG);
        Consumer<AlertFeed.Entry> enqueue = queue::offer;
        streamQueues.add(queue);
        try {
            for (AlertFeed.Entry missed : alerts.subscribe(client.ctx().header("Last-Event-ID"), enqueue)) {
                send(client, missed);
            }
            long lastWrite = System.currentTimeMillis();
            while (!closing && !client.terminated() && queue.remainingCapacity() > 0) {
                AlertFeed.Entry next = queue.poll(1, TimeUnit.SECONDS);
                if (next == END_OF_STREAM) {
                    break;
                } else if (next != null) {
                    send(client, next);
                    lastWrite = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - lastWrite >= HEARTBEAT_MS) {
                    client.sendComment("keep-alive");
                    lastWrite = System.currentTimeMillis();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            alerts.unsubscribe(enqueue);
            client.close();
            streamQueues.remove(queue);
        }
    }

    private static void send(SseClient client, AlertFeed.Entry entry) {
        client.sendEvent("alert", Json.write(entry.alert()), entry.id());
    }

    private void internalGet(Context ctx) {
        Object v = queries.localGet(store(ctx), ctx.pathParam("key"));
        if (v == null) {
            ctx.status(HttpStatus.NOT_FOUND);
        } else {
            ctx.json(v);
        }
    }

    private static String store(Context ctx) {
        String s = ctx.pathParam("store");
        if (!STORES.contains(s)) {
            throw new IllegalArgumentException("unknown store " + s);
        }
        return s;
    }

    /** The partitions another instance asks for, e.g. {@code ?partitions=0,3,4}; by default all this instance owns. */
    private List<Integer> partitions(Context ctx, String store) {
        String p = ctx.queryParam("partitions");
        if (p == null || p.isBlank()) {
            return queries.localPartitions(store);
        }
        try {
            return java.util.Arrays.stream(p.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partitions must be whole numbers separated by commas, got '" + p + "'");
        }
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        try {
            int n = v == null ? dflt : Integer.parseInt(v);
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " missing from the jar");
            }
            return in.readAllBytes();
        }
    }
}
