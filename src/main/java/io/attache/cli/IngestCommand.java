package io.attache.cli;

import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.ingest.ArticleCheck;
import io.attache.ingest.ArticlePublisher;
import io.attache.ingest.ArticleReader;
import io.attache.ingest.Backoff;
import io.attache.ingest.FeedLoop;
import io.attache.ingest.FeedPoller;
import io.attache.ingest.IngestSummary;
import io.attache.ingest.Ingestor;
import io.attache.ingest.ReadResult;
import io.attache.ingest.SeenSet;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attache ingest}: publishes articles from files, folders, globs, stdin and RSS/Atom feeds to
 * {@code articles.raw}. Bad input is reported and counted, never fatal (unless {@code --fail-fast});
 * exit code 3 says that something was rejected.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publishes articles to articles.raw from files, folders, glob patterns, stdin (-) "
                + "and RSS/Atom feeds.",
            "Exit codes: 0 all published, 3 some input rejected, 1 failure (e.g. Kafka unreachable), 2 bad usage."})
public final class IngestCommand implements Callable<Integer> {

    /** Exit code when some input was rejected while the rest was published. */
    public static final int REJECTED = 3;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files (.jsonl/.ndjson JSON Lines, .json, .txt, .html/.htm), folders, glob patterns "
                    + "such as 'news/2025-*.jsonl', or - for stdin")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL", description = "RSS or Atom feed to poll (repeatable)")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Poll the feeds at this interval until stopped (e.g. 5m); without it they are polled once")
    Duration every;

    @Option(names = "--max-backoff", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "15m",
            description = "Longest wait before polling a failing feed again (default ${DEFAULT-VALUE}); waits start at 10s and double")
    Duration maxBackoff;

    @Option(names = "--http-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "Timeout of each feed and page request (default ${DEFAULT-VALUE})")
    Duration httpTimeout;

    @Option(names = {"-r", "--recursive"}, description = "Read sub-folders of the folders named")
    boolean recursive;

    @Option(names = "--no-title", description = "Plain text: the first line is text, not the title")
    boolean noTitle;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name for articles that carry none")
    String source;

    @Option(names = "--fail-fast", description = "Stop at the first rejected input")
    boolean failFast;

    @Option(names = "--dry-run", description = "Read and validate only; publish nothing (no Kafka needed)")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private volatile boolean stopping;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cli = spec.commandLine();
        if (inputs.isEmpty() && feeds.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "name at least one INPUT (file, folder, glob or -) or --feed URL");
        }
        if (every != null && feeds.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "--every applies to --feed");
        }
        if (every != null && (every.isNegative() || every.isZero())) {
            throw new CommandLine.ParameterException(cli, "--every must be longer than zero");
        }
        AttacheConfig cfg;
        try {
            cfg = config.resolve();
        } catch (AttacheConfig.ConfigException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        if (!dryRun && cfg.embedded()) {
            throw new CommandLine.ParameterException(cli, "attache ingest needs a Kafka cluster: give --bootstrap-servers "
                    + "HOST:PORT (or ATTACHE_BOOTSTRAP_SERVERS); only 'attache demo' starts an embedded broker");
        }
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopping = true;
            main.interrupt();
            try {
                main.join(30_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }, "attache-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ArticleCheck check = new ArticleCheck(cfg.maxArticleBytes(), source);
        try (ArticlePublisher publisher = dryRun ? null : new ArticlePublisher(cfg)) {
            if (publisher != null) {
                publisher.checkReachable();
            }
            Ingestor ingestor = new Ingestor(publisher, err);
            boolean go = inputs.isEmpty() || bulk(check, cfg, ingestor, err);
            if (go && !feeds.isEmpty()) {
                feeds(check, cfg, ingestor);
            }
            ingestor.flush();
            IngestSummary summary = ingestor.summary();
            out.println(summary.line(dryRun));
            out.flush();
            return summary.rejected() > 0 ? REJECTED : 0;
        } catch (IllegalStateException | AttacheConfig.ConfigException e) {
            err.println("ingest: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            if (!stopping) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /** @return false when stopped early (fail-fast or interrupt) */
    private boolean bulk(ArticleCheck check, AttacheConfig cfg, Ingestor ingestor, PrintWriter err) {
        ArticleReader reader = new ArticleReader(check, cfg.maxArticleBytes(), recursive, !noTitle);
        ArticleReader.Inputs in = reader.expand(inputs);
        if (in.ignored() > 0) {
            err.println("ingest: skipped " + in.ignored() + " files in the folders named whose extension is not "
                    + ".jsonl, .ndjson, .json, .txt, .text, .html or .htm");
        }
        long total = in.totalBytes();
        // a bar only on a terminal: in logs and pipes the summary line says it all
        boolean big = total >= 16L << 20;
        ProgressBar bar = System.console() != null && total > 0 ? new ProgressBarBuilder().setTaskName("ingest")
                .setInitialMax(total).setUnit(big ? " MiB" : " KiB", big ? 1 << 20 : 1 << 10).showSpeed()
                .setUpdateIntervalMillis(250).build() : null;
        LongConsumer progress = bar == null ? n -> { } : bar::stepBy;
        try (Stream<ReadResult> results = reader.read(in, System.in, progress)) {
            Iterator<ReadResult> it = results.iterator();
            while (it.hasNext() && !stopping) {
                ReadResult r = it.next();
                if (!ingestor.accept(r, r.origin().replaceFirst(":\\d+$", "")) && failFast) {
                    return false;
                }
            }
            return !stopping;
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private void feeds(ArticleCheck check, AttacheConfig cfg, Ingestor ingestor) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(httpTimeout).build();
        List<FeedPoller> pollers = feeds.stream().map(f -> new FeedPoller(http, f,
                new SeenSet(FeedPoller.seenFile(cfg.stateDir(), f)), check, httpTimeout)).toList();
        try {
            new FeedLoop(pollers, ingestor, () -> new Backoff(Duration.ofSeconds(10), maxBackoff))
                    .run(every, failFast, () -> stopping);
        } catch (InterruptedException e) {
            if (!stopping) {
                throw e;
            }
        }
    }
}
