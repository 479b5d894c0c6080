package io.attache.bench;

import io.attache.config.AttacheConfig;
import io.attache.extract.Extractor;
import io.attache.json.Json;
import io.attache.pipeline.AttacheApp;
import io.attache.pipeline.ArticleIntake;
import io.attache.pipeline.StreamsSettings;
import io.attache.pipeline.lifecycle.Alert;
import io.attache.pipeline.lifecycle.CanonicalEvent;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline benchmark. On one cluster, under a topic prefix of its own: publishes N synthetic
 * articles to {@code articles.raw}; times a {@link Passthrough} application and then the full
 * pipeline, each draining that same backlog from the start; then, with the pipeline caught up,
 * publishes more articles at a steady rate (by default half the measured rate at which every table
 * keeps up) and measures, per article, the time from its ingest stamp to its canonical update and to its
 * alert as read by a read_committed consumer.
 */
public final class PipelineBench {

    /**
     * @param rate articles/s of the latency phase; null for half the measured every-table throughput
     * @param warmupArticles articles of a first, unmeasured round (other topics, other articles), so
     *                       that both applications are timed with compiled code rather than while the
     *                       JIT compiles the broker, the clients and the pipeline on the same cores
     */
    public record Options(int articles, int latencyArticles, Double rate, long seed, Duration phaseTimeout,
            int warmupArticles) {

        /** The round that warms up a JVM for these options: no warm-up of its own, a short latency phase. */
        Options warmup() {
            return new Options(warmupArticles, Math.min(latencyArticles, 200), null, seed + 1, phaseTimeout, 0);
        }
    }

    public record Machine(int cores, String jvm, String os, long maxHeapMb) {
    }

    /** Where the mentions come from: the product's extractor, or the generator's own (no NLP cost). */
    public enum Mentions {
        /** the standard extractor, failing if it finds nothing in the generated articles */
        STANDARD,
        /** the standard extractor, or the generator's mentions if it finds nothing (no engine merged) */
        STANDARD_OR_KNOWN,
        /** the generator's mentions, one per article: everything but extraction is measured */
        KNOWN
    }

    public record Report(
            String extractor,
            int warmupArticles,
            int articles,
            double publishArticlesPerS,
            double passthroughArticlesPerS,
            double pipelineArticlesPerS,
            double ratio,
            double allTablesArticlesPerS,
            double pipelineCpuSeconds,
            double pipelineArticlesPerCpuSecond,
            StreamsProbe.ThreadTime passthroughThreadTime,
            StreamsProbe.ThreadTime pipelineThreadTime,
            double passthroughRecordsSentPerArticle,
            double pipelineRecordsSentPerArticle,
            int latencyArticles,
            double latencyRate,
            Percentiles canonicalLatencyMs,
            Percentiles alertLatencyMs,
            int canonicalArticlesSeen,
            int alerts,
            long heapMaxMb,
            long heapAfterGcMaxMb,
            double cpuSeconds,
            Machine machine) {
    }

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int BATCH = 500;

    private final AttacheConfig base;
    private final Options options;
    private final PrintWriter log;
    private final Topics topics;
    private final String raw;
    private final String sink;
    private final Path stateDir;
    private final String run;

    /** @param base the cluster and settings; the bench picks its own prefix, application ids and state dir */
    public PipelineBench(AttacheConfig base, Options options, PrintWriter log) {
        this(base, options, log, "bench-" + System.currentTimeMillis());
    }

    private PipelineBench(AttacheConfig base, Options options, PrintWriter log, String run) {
        this.options = options;
        this.log = log;
        this.run = run;
        try {
            this.stateDir = Files.createTempDirectory("attache-bench-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
        this.base = with(withCommitInterval(base), run, run + ".", stateDir);
        this.topics = new Topics(this.base.topicPrefix());
        this.raw = topics.name(Topics.ARTICLES_RAW);
        this.sink = topics.name("bench.passthrough");
    }

    /**
     * @param standard the extractor of the product
     * @param mentions whether the generator's own mentions replace it: always, never, or when it finds nothing
     */
    public Report run(Extractor standard, Mentions mentions) throws InterruptedException {
        if (options.warmupArticles() > 0) {
            log.printf("warm-up round: %d articles, not measured%n", options.warmupArticles());
            new PipelineBench(base, options.warmup(), log, run + "-warmup").run(standard, mentions);
            log.println("warm-up round done; measured round:");
        }
        long cpu0 = ResourceSampler.processCpuNanos();
        try (ResourceSampler sampler = new ResourceSampler(); Admin admin = Admin.create(clientProps())) {
            try {
                createTopics(admin);
                return measure(admin, sampler, cpu0, standard, mentions);
            } finally {
                deleteTopics(admin);
            }
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private Report measure(Admin admin, ResourceSampler sampler, long cpu0, Extractor standard, Mentions mentions)
            throws InterruptedException {
        SyntheticNews news = new SyntheticNews(options.seed(), LocalDate.of(2026, 1, 5));
        KnownMentions known = new KnownMentions();
        List<SyntheticNews.Story> first = news.next(1);
        boolean useKnown = mentions == Mentions.KNOWN;
        if (!useKnown && standard.extract(first.get(0).article()).isEmpty()) {
            if (mentions == Mentions.STANDARD) {
                throw new IllegalStateException("the standard extractor finds no event in the generated articles");
            }
            useKnown = true;
            log.println("note: the standard extractor finds no event in the generated articles; using the "
                    + "generator's own mentions (extractor=known-mentions)");
        }
        Extractor extractor = useKnown ? known : standard;
        String extractorName = useKnown ? "known-mentions" : "standard";
        known.add(first);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(producer, first, null);
            int left = options.articles() - 1;
            while (left > 0) {
                List<SyntheticNews.Story> batch = news.next(Math.min(BATCH, left));
                known.add(batch);
                publish(producer, batch, null);
                left -= batch.size();
            }
            producer.flush();
        }
        double publishRate = rate(options.articles(), System.nanoTime() - t0);
        log.printf("published %d articles to %s at %.0f articles/s%n", options.articles(), raw, publishRate);

        Measured passthrough = passthrough(admin);
        double passthroughRate = passthrough.rate();
        log.printf("passthrough drained them at %.0f articles/s%n", passthroughRate);

        String appId = base.applicationId();
        Collection<String> read = new ArrayList<>(List.of(raw, topics.name(Topics.EVENTS_MENTIONS),
                topics.name(Topics.EVENTS_CANONICAL)));
        try (AttacheApp app = new AttacheApp(base, extractor)) {
            // made before the start, so that it counts every record sent, also those sent before RUNNING is seen
            StreamsProbe probe = new StreamsProbe(app.streams());
            app.start(options.phaseTimeout());
            read.addAll(GroupLag.repartitionTopics(admin, appId));
            long start = System.nanoTime();
            long threadCpu0 = ResourceSampler.threadCpuNanos(appId);
            awaitDrained(admin, appId, List.of(raw, topics.name(Topics.EVENTS_MENTIONS)), app, probe);
            double pipelineRate = rate(options.articles(), System.nanoTime() - start);
            log.printf("pipeline: every article through to events.canonical at %.0f articles/s%n", pipelineRate);
            awaitDrained(admin, appId, read, app, probe);
            double pipelineSent = probe.recordsSentSinceStart();
            double allTablesRate = rate(options.articles(), System.nanoTime() - start);
            double pipelineCpu = (ResourceSampler.threadCpuNanos(appId) - threadCpu0) / 1e9;
            log.printf("pipeline: every table up to date at %.0f articles/s (%.1f CPU s in its threads)%n",
                    allTablesRate, pipelineCpu);

            // Half the rate at which every stage keeps up: a faster steady input only builds a backlog.
            double latencyRate = options.rate() != null ? options.rate() : Math.max(1, allTablesRate / 2);
            Latencies latencies = latencyPhase(admin, appId, read, app, news, known, latencyRate);
            return new Report(extractorName, options.warmupArticles(), options.articles(), round(publishRate), round(passthroughRate),
                    round(pipelineRate), round(pipelineRate / passthroughRate), round(allTablesRate),
                    round(pipelineCpu),
                    round(options.articles() / Math.max(pipelineCpu, 1e-9)), passthrough.threadTime(),
                    probe.threadTime(), round(passthrough.recordsSent() / options.articles()),
                    round(pipelineSent / options.articles()), options.latencyArticles(),
                    round(latencyRate), latencies.canonical, latencies.alert, latencies.canonicalSeen,
                    latencies.alerts, sampler.maxHeapBytes() / (1024 * 1024), sampler.maxHeapAfterGcBytes() / (1024 * 1024),
                    round((ResourceSampler.processCpuNanos() - cpu0) / 1e9), machine());
        }
    }

    private record Measured(double rate, StreamsProbe.ThreadTime threadTime, double recordsSent) {
    }

    private Measured passthrough(Admin admin) throws InterruptedException {
        AttacheConfig config = with(base, base.applicationId() + "-passthrough", base.topicPrefix(),
                stateDir.resolve("passthrough"));
        Properties props = StreamsSettings.of(config);
        try (KafkaStreams streams = new KafkaStreams(Passthrough.build(raw, sink, props), props)) {
            StreamsProbe probe = new StreamsProbe(streams);
            streams.start();
            long deadline = System.nanoTime() + options.phaseTimeout().toNanos();
            // timed from RUNNING, as the pipeline is: neither rate counts joining the group
            while (streams.state() != KafkaStreams.State.RUNNING) {
                check(deadline, "the passthrough did not start");
                TimeUnit.MILLISECONDS.sleep(10);
            }
            long start = System.nanoTime();
            while (GroupLag.of(admin, config.applicationId(), List.of(raw)) > 0) {
                check(deadline, "the passthrough did not drain " + raw);
                probe.sample();
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
            double rate = rate(options.articles(), System.nanoTime() - start);
            probe.sample();
            return new Measured(rate, probe.threadTime(), probe.recordsSentSinceStart());
        }
    }

    private record Latencies(Percentiles canonical, Percentiles alert, int canonicalSeen, int alerts) {
    }

    private Latencies latencyPhase(Admin admin, String appId, Collection<String> read, AttacheApp app,
            SyntheticNews news, KnownMentions known, double rate) throws InterruptedException {
        int n = options.latencyArticles();
        Map<String, Long> ingested = new ConcurrentHashMap<>();
        Map<String, Long> canonicalAt = new HashMap<>();
        Map<String, Long> alertLatency = new HashMap<>();
        int alerts = 0;
        String canonicalTopic = topics.name(Topics.EVENTS_CANONICAL);
        try (KafkaConsumer<String, byte[]> consumer = committedConsumer()) {
            List<TopicPartition> partitions = Stream.of(canonicalTopic, topics.name(Topics.ALERTS))
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            log.printf("latency phase: %d articles at %.0f articles/s%n", n, rate);
            Thread publisher = new Thread(() -> publishAtRate(news, known, n, rate, ingested), "bench-publisher");
            publisher.start();
            long deadline = System.nanoTime() + options.phaseTimeout().toNanos();
            Map<TopicPartition, Long> end = null;
            long nextLagCheck = 0;
            while (end == null || !caughtUp(consumer, end)) {
                check(deadline, "the pipeline did not process the latency-phase articles");
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    long now = System.currentTimeMillis();
                    if (r.value() == null) {
                        continue;
                    }
                    if (r.topic().equals(canonicalTopic)) {
                        for (String article : Json.read(r.value(), CanonicalEvent.class).articles()) {
                            if (ingested.containsKey(article)) {
                                canonicalAt.putIfAbsent(article, now);
                            }
                        }
                    } else {
                        Alert alert = Json.read(r.value(), Alert.class);
                        if (ingested.containsKey(alert.articleId()) && alert.ingestedAt() != null) {
                            alerts++;
                            alertLatency.putIfAbsent(alert.articleId(), now - alert.ingestedAt());
                        }
                    }
                }
                if (end == null && !publisher.isAlive() && System.nanoTime() > nextLagCheck) {
                    nextLagCheck = System.nanoTime() + POLL.toNanos() * 3;
                    checkRunning(app);
                    if (GroupLag.of(admin, appId, read) == 0) {
                        end = consumer.endOffsets(partitions);
                    }
                }
            }
            publisher.join();
        }
        if (ingested.size() < n) {
            throw new IllegalStateException("the latency-phase publisher sent only " + ingested.size() + " of " + n);
        }
        long[] canonical = canonicalAt.entrySet().stream()
                .mapToLong(e -> e.getValue() - ingested.get(e.getKey())).toArray();
        long[] alert = alertLatency.values().stream().mapToLong(Long::longValue).toArray();
        return new Latencies(Percentiles.of(canonical), Percentiles.of(alert), canonical.length, alerts);
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** Publishes on its own thread so that a slow poll never delays a send. */
    private void publishAtRate(SyntheticNews news, KnownMentions known, int n, double rate, Map<String, Long> ingested) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.partitionsFor(raw);
            List<SyntheticNews.Story> stories = news.next(n);
            known.add(stories);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                publish(producer, List.of(stories.get(i)), ingested);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(KafkaProducer<String, byte[]> producer, List<SyntheticNews.Story> stories,
            Map<String, Long> ingested) {
        for (SyntheticNews.Story s : stories) {
            long now = System.currentTimeMillis();
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(raw, null, now, s.article().id(),
                    Json.bytes(s.article()));
            r.headers().add(ArticleIntake.INGESTED_AT_HEADER, Long.toString(now).getBytes(StandardCharsets.UTF_8));
            if (ingested != null) {
                ingested.put(s.article().id(), now);
            }
            producer.send(r, (meta, e) -> {
                if (e != null) {
                    log.println("send failed: " + e.getMessage());
                }
            });
        }
    }

    /** Waits until the application has committed to the end of every topic in {@code read}. */
    private void awaitDrained(Admin admin, String appId, Collection<String> read, AttacheApp app, StreamsProbe probe)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.phaseTimeout().toNanos();
        while (GroupLag.of(admin, appId, read) > 0) {
            check(deadline, "the pipeline did not drain " + raw);
            checkRunning(app);
            probe.sample();
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        probe.sample();
    }

    private static void checkRunning(AttacheApp app) {
        KafkaStreams.State state = app.streams().state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("the pipeline stopped: " + state);
        }
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " within the phase timeout");
        }
    }

    private void createTopics(Admin admin) {
        TopicAdmin.Report report = new TopicAdmin(admin, topics).apply();
        log.println("topics: " + report.created().size() + " created under prefix " + topics.prefix());
        try {
            admin.createTopics(List.of(new NewTopic(sink, Optional.of(6), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + sink + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + sink, e);
        }
    }

    /** Leaves a shared cluster as it was: every topic of this run starts with its run id. */
    private void deleteTopics(Admin admin) {
        try {
            List<String> mine = admin.listTopics().names().get().stream().filter(t -> t.startsWith(run)).toList();
            admin.deleteTopics(mine).all().get();
        } catch (ExecutionException e) {
            log.println("could not delete the topics of " + run + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties clientProps() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, base.bootstrapServers());
        p.putAll(base.kafka());
        return p;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = clientProps();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> committedConsumer() {
        Properties p = clientProps();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Progress is read from committed offsets, so at_least_once (30 s commit interval by default)
     * commits as often as exactly_once_v2 does, unless the operator chose an interval.
     */
    private static AttacheConfig withCommitInterval(AttacheConfig c) {
        if (c.kafka().containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                || StreamsConfig.EXACTLY_ONCE_V2.equals(c.processingGuarantee())) {
            return c;
        }
        Map<String, String> kafka = new HashMap<>(c.kafka());
        kafka.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        return new AttacheConfig(c.bootstrapServers(), c.applicationId(), c.topicPrefix(), c.stateDir(), c.dataDir(),
                c.processingGuarantee(), c.streamThreads(), c.standbyReplicas(), c.maxArticleBytes(),
                c.alertHorizonDays(), c.httpPort(), c.applicationServer(), c.apiToken(), c.rocksdbCacheMb(), kafka);
    }

    static AttacheConfig with(AttacheConfig c, String applicationId, String prefix, Path stateDir) {
        return new AttacheConfig(c.bootstrapServers(), applicationId, prefix, stateDir, c.dataDir(),
                c.processingGuarantee(), c.streamThreads(), c.standbyReplicas(), c.maxArticleBytes(),
                c.alertHorizonDays(), c.httpPort(), c.applicationServer(), c.apiToken(), c.rocksdbCacheMb(), c.kafka());
    }

    static Machine machine() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static double rate(int n, long nanos) {
        return n / (nanos / 1e9);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Deletes a temporary directory tree, best effort. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
