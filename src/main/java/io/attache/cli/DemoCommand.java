package io.attache.cli;

import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.extract.RuleExtractor;
import io.attache.ingest.AlertLine;
import io.attache.ingest.Article;
import io.attache.ingest.ArticleCheck;
import io.attache.ingest.ArticlePublisher;
import io.attache.ingest.ArticleReader;
import io.attache.ingest.DemoFeeder;
import io.attache.ingest.ReadResult;
import io.attache.pipeline.AttacheApp;
import io.attache.serve.AlertFeed;
import io.attache.serve.AttacheServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attache demo}: the whole pipeline on one machine. Starts the embedded broker unless a
 * cluster is given, applies the topics, starts the app with its HTTP API and dashboard, and feeds it
 * a corpus: by default the team-written demo corpus in the jar, replayed in publication order on an
 * accelerated clock while each alert is printed as it fires. With {@code --exit-when-idle} the corpus
 * is published at once, processed, optionally exported, and the command exits.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on an embedded Kafka broker (or --bootstrap-servers), feed it a corpus "
                + "(the bundled demo corpus unless --corpus) and print alerts as they fire.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (stopped, or idle and exported with --exit-when-idle)", "1:failure at run time",
            "2:bad usage", "4:--exit-when-idle: not idle within --idle-timeout"})
public final class DemoCommand implements Callable<Integer> {

    static final int NOT_IDLE = 4;
    /** The demo corpus shipped in the jar: fiction written by the team, about real leaders. */
    static final String BUNDLED_CORPUS = "/demo/articles.jsonl";

    @Mixin
    ConfigOptions options;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl",
            description = "Feed this file's articles (one JSON article a line) instead of the bundled demo corpus")
    Path corpus;

    @Option(names = "--no-corpus", description = "Feed nothing: only start the broker, the app and the dashboard")
    boolean noCorpus;

    @Option(names = "--days-per-second", paramLabel = "DAYS", defaultValue = "1",
            description = "Replay speed: simulated days of news per real second (default ${DEFAULT-VALUE})")
    double daysPerSecond;

    @Option(names = "--exit-when-idle",
            description = "Publish the corpus at once (no replay), exit 0 once everything is processed")
    boolean exitWhenIdle;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Longest wait for --exit-when-idle (default ${DEFAULT-VALUE})")
    long idleTimeoutSeconds;

    @Option(names = "--export", paramLabel = "DIR",
            description = "When idle, write each output topic's content to DIR/<topic>.jsonl (implies --exit-when-idle)")
    Path export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AttacheConfig given = options.resolve();
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedKafka broker = given.embedded() ? EmbeddedKafka.start(given.dataDir()) : null;
        AttacheConfig config = broker == null ? given : given.withBootstrapServers(broker.bootstrapServers());
        out.println("kafka: " + config.bootstrapServers());
        AtomicReference<AttacheApp> app = new AtomicReference<>();
        // On SIGTERM the JVM halts once its hooks are done, maybe before the finally below: stop the
        // app (which stops its HTTP server first), then the broker it talks to.
        Thread stop = new Thread(() -> close(app.get(), broker), "attache-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            RunCommand.applyTopics(config, out);
            KbPublisher.publishIfEmpty(config, out);
            app.set(new AttacheApp(config, RuleExtractor.standard()));
            AttacheServer server = AttacheServer.start(app.get(), config);
            app.get().start(RunCommand.START_TIMEOUT);
            out.println("dashboard: " + server.dashboardUrl());
            out.flush();
            return run(app.get(), server, config, out);
        } finally {
            out.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
                close(app.get(), broker);
            } catch (IllegalStateException shuttingDown) {
                // the hook closes everything
            }
        }
    }

    private int run(AttacheApp app, AttacheServer server, AttacheConfig config, PrintWriter out) throws Exception {
        if (exitWhenIdle || export != null) {
            if (corpus != null) {
                out.println("published " + CorpusPublisher.publish(config, corpus) + " records from " + corpus);
            } else if (!noCorpus) {
                out.println("published " + publishAll(config, bundled(config)) + " articles of the bundled demo corpus");
            }
            out.flush();
            if (!IdleWatch.await(config, Duration.ofSeconds(idleTimeoutSeconds))) {
                spec.commandLine().getErr().println("not idle within " + idleTimeoutSeconds + " s");
                return NOT_IDLE;
            }
            out.println("idle: everything published is processed");
            if (export != null) {
                TopicExport.export(config, export)
                        .forEach((file, lines) -> out.println("exported " + export.resolve(file) + " (" + lines + " lines)"));
            }
            return 0;
        }
        Consumer<AlertFeed.Entry> console = e -> {
            out.println(AlertLine.format(e.alert()));
            out.flush();
        };
        server.alerts().subscribe(null, console);
        if (!noCorpus) {
            List<Article> articles = corpus == null ? bundled(config) : read(config, corpus);
            out.printf("replaying %d articles at %s simulated day(s) per second; alerts follow%n", articles.size(), daysPerSecond);
            out.flush();
            Thread feeder = new Thread(() -> replay(config, articles, out), "demo-feeder");
            feeder.setDaemon(true);
            feeder.start();
        }
        out.println("attache demo running; stop with Ctrl-C");
        out.flush();
        return app.awaitStop() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    private void replay(AttacheConfig config, List<Article> articles, PrintWriter out) {
        Duration perSecond = Duration.ofMillis(Math.max(1, Math.round(daysPerSecond * Duration.ofDays(1).toMillis())));
        DemoFeeder feeder = new DemoFeeder(perSecond, Duration.ofSeconds(5), d -> Thread.sleep(d.toMillis()));
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            feeder.feed(articles, a -> {
                publisher.send(a, "demo", null);
                publisher.flush();
            });
            out.println("replay done: " + articles.size() + " articles published");
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int publishAll(AttacheConfig config, List<Article> articles) {
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            articles.forEach(a -> publisher.send(a, "demo", null));
            publisher.flush();
        }
        return articles.size();
    }

    /** The bundled corpus, read like any JSON Lines input, so a bad line would be reported by its line number. */
    private static List<Article> bundled(AttacheConfig config) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(BUNDLED_CORPUS)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no demo corpus at " + BUNDLED_CORPUS);
            }
            return accepted(reader(config).read(BUNDLED_CORPUS.substring(1), in));
        }
    }

    private static List<Article> read(AttacheConfig config, Path file) {
        return accepted(reader(config).read(file, bytes -> { }));
    }

    private static ArticleReader reader(AttacheConfig config) {
        return new ArticleReader(new ArticleCheck(config.maxArticleBytes(), "demo"), config.maxArticleBytes(), false, true);
    }

    private static List<Article> accepted(Stream<ReadResult> results) {
        List<Article> articles = new ArrayList<>();
        results.forEach(r -> {
            if (r instanceof ReadResult.Accepted a) {
                articles.add(a.article());
            } else if (r instanceof ReadResult.Rejected rejected) {
                System.err.println("skipped " + rejected.describe());
            }
        });
        return articles;
    }

    private static void close(AttacheApp app, EmbeddedKafka broker) {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
