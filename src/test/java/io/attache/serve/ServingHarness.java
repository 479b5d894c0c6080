package io.attache.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.config.Setting;
import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.ingest.Article;
import io.attache.json.Json;
import io.attache.json.JsonSerde;
import io.attache.pipeline.AttacheApp;
import io.attache.pipeline.lifecycle.EventKeys;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real embedded broker with attache's topics, instances of the app with their HTTP servers, a
 * producer of mentions and articles, and an HTTP client: the serving layer end to end.
 */
final class ServingHarness implements AutoCloseable {

    /** One running instance: the app and its server. */
    record Instance(AttacheApp app, AttacheServer server) {
        String base() {
            return "http://127.0.0.1:" + server.port();
        }
    }

    final EmbeddedKafka broker;
    final Path dir;
    final Topics topics = new Topics("");
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Instance> instances = new ArrayList<>();

    ServingHarness() throws IOException {
        dir = Files.createTempDirectory("attache-serving");
        broker = EmbeddedKafka.start(dir.resolve("kafka"));
        AttacheConfig base = config(0, "", "", "state-0");
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicAdmin(admin, topics).apply();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, base.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), (topic, bytes) -> (byte[]) bytes);
    }

    /** A config for one instance on this broker; {@code applicationServer} blank when it runs alone. */
    AttacheConfig config(int httpPort, String applicationServer, String token, String stateName) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        flags.put(Setting.STATE_DIR, dir.resolve(stateName).toString());
        flags.put(Setting.HTTP_PORT, Integer.toString(httpPort));
        flags.put(Setting.APPLICATION_SERVER, applicationServer);
        flags.put(Setting.API_TOKEN, token);
        return AttacheConfig.resolve(flags, Map.of(), new Properties());
    }

    /** Creates the app and its server (serving at once), without waiting for the app to run. */
    Instance create(AttacheConfig config) {
        AttacheApp app = new AttacheApp(config, article -> List.of());
        Instance i = new Instance(app, AttacheServer.start(app, config));
        instances.add(i);
        return i;
    }

    Instance startAlone() {
        Instance i = create(config(0, "", "", "state-alone"));
        i.app().start(Duration.ofMinutes(2));
        return i;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes mentions straight into events.mentions, keyed as the extraction stage keys them. */
    void publish(EventMention... mentions) {
        try {
            for (EventMention m : mentions) {
                String key = EventKeys.coarseKey(m.type(), m.actor(), m.participants(), m.hostCountry());
                producer.send(new ProducerRecord<>(topics.name(Topics.EVENTS_MENTIONS), key,
                        JsonSerde.serdeFor(EventMention.class).serializer().serialize("", m))).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void publish(Article article) {
        publishRaw(article.id(), Json.bytes(article));
    }

    /** Any bytes to articles.raw, as a producer outside attache might send them. */
    void publishRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topics.name(Topics.ARTICLES_RAW), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    static EventMention mention(String articleId, EventType type, EventStatus status, Principal actor,
            List<Principal> participants, String host, String location, String occasion, String date, String published) {
        return new EventMention(articleId, type, status, actor, participants, host, location, occasion, date, null,
                null, 0.9, published, "test-wire", "https://news.example/" + articleId, null, null,
                System.currentTimeMillis());
    }

    HttpResponse<String> get(String url) {
        return get(url, Map.of());
    }

    HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(req::header);
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET that must answer 200, as JSON. */
    JsonNode json(String url) {
        HttpResponse<String> r = get(url);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    /** Polls until the condition holds, failing with {@code what} after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One server-sent event. */
    record Sse(String event, String id, String data) {
    }

    /**
     * An SSE connection over java.net.http, parsed into events by a reader thread. It sends no Accept
     * header, like {@code curl -N}; the dashboard's browser test covers clients that do.
     */
    static final class SseReader implements AutoCloseable {

        private final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        private final HttpResponse<Stream<String>> response;
        private final Thread reader;

        SseReader(HttpClient http, String url, String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url));
            if (lastEventId != null) {
                req.header("Last-Event-ID", lastEventId);
            }
            response = http.send(req.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                throw new AssertionError("not an event stream: " + response.statusCode() + " " + response.headers());
            }
            reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            try {
                for (Iterator<String> it = response.body().iterator(); it.hasNext();) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Sse(event, id, data.toString()));
                        }
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        List<Sse> take(int n) throws InterruptedException {
            List<Sse> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (got.size() < n) {
                Sse e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("got " + got.size() + " of " + n + " events: " + got);
                }
                got.add(e);
            }
            return got;
        }

        /** Whether the server ended the stream within {@code d}. */
        boolean ended(Duration d) throws InterruptedException {
            reader.join(d.toMillis());
            return !reader.isAlive();
        }

        Sse poll(Duration d) throws InterruptedException {
            return events.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @Override
    public void close() {
        producer.close();
        for (Instance i : instances) {
            i.app().close();
        }
        broker.close();
    }
}
