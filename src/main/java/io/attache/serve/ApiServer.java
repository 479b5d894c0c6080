package io.attache.serve;

import io.attache.json.Json;
import io.attache.pipeline.activity.Dyad;
import io.attache.pipeline.activity.EventRef;
import io.attache.pipeline.activity.LeaderActivity;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP face of one attache instance: the query API over the state stores, the alert stream,
 * the dashboard, Prometheus metrics and health. Everything but health and metrics can be put behind
 * a bearer token.
 */
public final class ApiServer implements AutoCloseable {

    public static final String EVENTS_STORE = "events-canonical-store";
    public static final String LEADERS_STORE = "leader-activity-store";
    public static final String DYADS_STORE = "dyad-store";

    private static final int MAX_PAGE = 500;

    private final KafkaStreams streams;
    private final StoreQueries queries;
    private final AlertFeed alerts;
    private final PrometheusMeterRegistry registry;
    private final String token;
    private final Javalin app;

    public ApiServer(KafkaStreams streams, StoreQueries queries, AlertFeed alerts, PrometheusMeterRegistry registry,
            String token) {
        this.streams = streams;
        this.queries = queries;
        this.alerts = alerts;
        this.registry = registry;
        this.token = token == null ? "" : token;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/dashboard";
                s.directory = "/dashboard";
                s.location = Location.CLASSPATH;
            });
            cfg.routes.before(this::authorize);
            cfg.routes.get("/", ctx -> ctx.redirect("/dashboard/index.html"));
            cfg.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
            cfg.routes.get("/health/ready", this::ready);
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/openapi.json")));
            cfg.routes.get("/api/leaders", this::leaders);
            cfg.routes.get("/api/leaders/{id}", this::leader);
            cfg.routes.get("/api/events", this::events);
            cfg.routes.get("/api/events/{id}", this::event);
            cfg.routes.get("/api/relations", ctx -> ctx.json(sortedDyads()));
            cfg.routes.get("/api/relations/{a}/{b}", this::relation);
            cfg.routes.get("/api/alerts", ctx -> ctx.json(recentAlerts(intParam(ctx, "limit", 50))));
            cfg.routes.sse("/api/alerts/stream", this::alertStream);
            cfg.routes.get(StoreQueries.INTERNAL + "{store}", ctx -> ctx.json(queries.localAll(store(ctx))));
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

    @Override
    public void close() {
        app.stop();
    }

    private void authorize(Context ctx) {
        String path = ctx.path();
        if (token.isEmpty() || path.startsWith("/health/") || path.equals("/metrics")) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : ctx.queryParam("access_token");
        if (!token.equals(given)) {
            ctx.header("WWW-Authenticate", "Bearer").status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "unauthorized"));
            ctx.skipRemainingHandlers();
        }
    }

    private void ready(Context ctx) {
        KafkaStreams.State state = streams.state();
        boolean ok = state == KafkaStreams.State.RUNNING;
        if (ok) {
            try {
                queries.localAll(LEADERS_STORE);
            } catch (NotReadyException e) {
                ok = false;
            }
        }
        ctx.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", ok ? "UP" : "DOWN", "streams", state.name()));
    }

    private void leaders(Context ctx) {
        String country = upper(ctx.queryParam("country"));
        String sort = Objects.requireNonNullElse(ctx.queryParam("sort"), "activity");
        Comparator<LeaderActivity> order = switch (sort) {
            case "activity" -> Comparator.comparingInt((LeaderActivity a) -> a.events().size()).reversed()
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
        List<CanonicalEvent> timeline = activity.events().values().stream()
                .sorted(Comparator.comparing((EventRef r) -> Objects.requireNonNullElse(r.date(), "")).reversed()
                        .thenComparing(EventRef::eventId))
                .map(r -> queries.get(EVENTS_STORE, r.eventId(), CanonicalEvent.class).orElse(null))
                .filter(Objects::nonNull).toList();
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
        String type = upper(ctx.queryParam("type"));
        String status = upper(ctx.queryParam("status"));
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        return e -> (leader == null || LeaderActivity.leadersOf(e).contains(leader))
                && (country == null || country.equals(e.hostCountry())
                    || Stream.concat(Stream.of(e.actor()), e.participants().stream()).anyMatch(p -> country.equals(p.country())))
                && (type == null || type.equals(e.type().name()))
                && (status == null || status.equals(e.status().name()))
                // partial dates compare by prefix: 2025-09 is within from=2025-09-01 when its month overlaps
                && (from == null || (e.date() != null && e.date().compareTo(from.substring(0, Math.min(from.length(), e.date().length()))) >= 0))
                && (to == null || (e.date() != null && e.date().compareTo(to) <= 0));
    }

    private void event(Context ctx) {
        String id = ctx.pathParam("id");
        queries.get(EVENTS_STORE, id, CanonicalEvent.class).ifPresentOrElse(ctx::json,
                () -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no event " + id)));
    }

    private List<Dyad> sortedDyads() {
        return queries.all(DYADS_STORE, Dyad.class).stream()
                .sorted(Comparator.comparingInt((Dyad d) -> d.events().size()).reversed().thenComparing(Dyad::dyad)).toList();
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

    private void alertStream(io.javalin.http.sse.SseClient client) {
        client.keepAlive();
        String last = client.ctx().header("Last-Event-ID");
        Consumer<AlertFeed.Entry> send = e -> {
            if (!client.terminated()) {
                client.sendEvent("alert", Json.write(e.alert()), e.id());
            }
        };
        client.onClose(() -> alerts.unsubscribe(send));
        for (AlertFeed.Entry missed : alerts.subscribe(last, send)) {
            send.accept(missed);
        }
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
        if (!List.of(EVENTS_STORE, LEADERS_STORE, DYADS_STORE).contains(s)) {
            throw new IllegalArgumentException("unknown store " + s);
        }
        return s;
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
