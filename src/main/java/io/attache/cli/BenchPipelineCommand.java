package io.attache.cli;

import io.attache.bench.Percentiles;
import io.attache.bench.PipelineBench;
import io.attache.bench.StreamsProbe;
import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.extract.RuleExtractor;
import io.attache.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attache bench pipeline}: throughput against a passthrough, end-to-end latency, CPU and heap. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Benchmark the whole pipeline on synthetic articles against a passthrough application, "
                + "on the embedded broker (or --bootstrap-servers).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:measured", "1:failure (a phase timed out or the pipeline stopped)", "2:bad usage"})
public final class BenchPipelineCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = {"-n", "--articles"}, defaultValue = "5000",
            description = "Articles of the throughput phase (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--latency-articles", defaultValue = "2000",
            description = "Articles of the latency phase (default ${DEFAULT-VALUE})")
    int latencyArticles;

    @Option(names = "--rate", paramLabel = "ARTICLES_PER_S",
            description = "Publishing rate of the latency phase (default: half the measured rate at which every table keeps up)")
    Double rate;

    @Option(names = "--warmup", paramLabel = "ARTICLES", defaultValue = "5000",
            description = "Articles of an unmeasured first round on other topics, so that both applications are "
                    + "timed with compiled code (default ${DEFAULT-VALUE}; 0: none)")
    int warmup;

    @Option(names = "--seed", defaultValue = "8", description = "Seed of the article generator (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--phase-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Longest time a phase may take (default ${DEFAULT-VALUE})")
    long phaseTimeoutSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE")
    Path json;

    @Option(names = "--no-known-mentions", description = "Fail rather than feed the generator's own mentions "
            + "when the extractor finds no event in the generated articles")
    boolean noKnownMentions;

    enum ExtractorChoice { standard, known }

    @Option(names = "--extractor", defaultValue = "standard",
            description = "standard: the product's extractor; known: the generator's own mention of each article, "
                    + "to measure everything but extraction (default ${DEFAULT-VALUE})")
    ExtractorChoice extractor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (articles < 1 || latencyArticles < 1 || warmup < 0 || (rate != null && rate <= 0)) {
            spec.commandLine().getErr().println("--articles and --latency-articles must be at least 1, --warmup at least 0, "
                    + "--rate positive");
            return 2;
        }
        AttacheConfig given = options.resolve();
        Path brokerDir = given.embedded() ? Files.createTempDirectory("attache-bench-broker") : null;
        EmbeddedKafka broker = brokerDir == null ? null : EmbeddedKafka.start(brokerDir);
        try {
            AttacheConfig config = broker == null ? given : given.withBootstrapServers(broker.bootstrapServers());
            out.println("kafka: " + config.bootstrapServers() + (broker == null ? "" : " (embedded, in this JVM)"));
            out.flush();
            PipelineBench.Report r = new PipelineBench(config, new PipelineBench.Options(articles, latencyArticles,
                    rate, seed, Duration.ofSeconds(phaseTimeoutSeconds), warmup), out).run(RuleExtractor.standard(),
                    extractor == ExtractorChoice.known ? PipelineBench.Mentions.KNOWN
                            : noKnownMentions ? PipelineBench.Mentions.STANDARD : PipelineBench.Mentions.STANDARD_OR_KNOWN);
            print(r, out);
            if (json != null) {
                Files.writeString(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n");
                out.println("wrote " + json);
            }
            return 0;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("bench failed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            if (broker != null) {
                broker.close();
                PipelineBench.deleteRecursively(brokerDir);
            }
        }
    }

    private static void print(PipelineBench.Report r, PrintWriter out) {
        out.println();
        out.printf("%-34s %s%n", "extractor", r.extractor());
        out.printf("%-34s %d%n", "warm-up articles (not measured)", r.warmupArticles());
        out.printf("%-34s %d%n", "articles (throughput phase)", r.articles());
        out.printf("%-34s %.0f%n", "publish, articles/s", r.publishArticlesPerS());
        out.printf("%-34s %.0f%n", "passthrough, articles/s", r.passthroughArticlesPerS());
        out.printf("%-34s %.0f%n", "pipeline to canonical, articles/s", r.pipelineArticlesPerS());
        out.printf("%-34s %.2f%n", "pipeline / passthrough", r.ratio());
        out.printf("%-34s %.0f%n", "pipeline all tables, articles/s", r.allTablesArticlesPerS());
        out.printf("%-34s %.1f s, %.0f articles per CPU s%n", "pipeline threads CPU", r.pipelineCpuSeconds(),
                r.pipelineArticlesPerCpuSecond());
        out.printf("%-34s passthrough %.2f, pipeline %.2f%n", "records sent per article", r.passthroughRecordsSentPerArticle(),
                r.pipelineRecordsSentPerArticle());
        time(out, "stream thread time, passthrough", r.passthroughThreadTime());
        time(out, "stream thread time, pipeline", r.pipelineThreadTime());
        out.printf("%-34s %d at %.0f articles/s%n", "articles (latency phase)", r.latencyArticles(), r.latencyRate());
        row(out, "canonical latency ms", r.canonicalLatencyMs());
        row(out, "alert latency ms", r.alertLatencyMs());
        out.printf("%-34s %d MiB (whole JVM)%n", "heap max used", r.heapMaxMb());
        out.printf("%-34s %d MiB (whole JVM, largest after a collection)%n", "heap max live", r.heapAfterGcMaxMb());
        out.printf("%-34s %.1f s (whole JVM)%n", "process CPU", r.cpuSeconds());
        out.printf("%-34s %d cores, %s, %s%n", "machine", r.machine().cores(), r.machine().jvm(), r.machine().os());
    }

    private static void time(PrintWriter out, String name, StreamsProbe.ThreadTime t) {
        out.printf("%-34s process %.0f%%  commit %.0f%%  poll %.0f%%  punctuate %.0f%%%n", name, 100 * t.process(),
                100 * t.commit(), 100 * t.poll(), 100 * t.punctuate());
    }

    private static void row(PrintWriter out, String name, Percentiles p) {
        out.printf("%-34s p50 %d  p95 %d  p99 %d  max %d  (n=%d)%n", name, p.p50(), p.p95(), p.p99(), p.max(),
                p.count());
    }
}
