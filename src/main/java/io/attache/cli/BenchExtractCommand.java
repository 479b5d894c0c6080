package io.attache.cli;

import io.attache.extract.RuleExtractor;
import io.attache.extract.bench.SyntheticArticles;
import io.attache.extract.kb.KbLoader;
import io.attache.extract.kb.KnowledgeBase;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attache bench extract}: single-thread extraction throughput and per-article latency on synthetic
 * articles, after a warm-up, with the knowledge-base load time and the heap the extractor keeps.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Benchmark extraction on synthetic articles, one thread.")
public final class BenchExtractCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "2000", description = "articles to time (at least 1000; default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--warmup", defaultValue = "1000", description = "articles run before timing (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--min-bytes", defaultValue = "2048")
    int minBytes;

    @Option(names = "--max-bytes", defaultValue = "6144")
    int maxBytes;

    @Option(names = "--json", description = "also write the figures as JSON to this file")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (articles < 1000) {
            System.err.println("bench extract: --articles must be at least 1000");
            return 2;
        }
        long t0 = System.nanoTime();
        KnowledgeBase kb = KbLoader.standard();
        double kbLoadMs = (System.nanoTime() - t0) / 1e6;
        RuleExtractor extractor = new RuleExtractor(kb);
        SyntheticArticles gen = new SyntheticArticles(kb, 42);
        List<Article> input = new ArrayList<>(articles);
        long bytes = 0;
        for (int i = 0; i < articles; i++) {
            Article a = gen.next(i, minBytes, maxBytes);
            bytes += a.text().length();
            input.add(a);
        }
        for (int i = 0; i < warmup; i++) {
            extractor.extract(gen.next(articles + i, minBytes, maxBytes));
        }
        long[] nanos = new long[articles];
        long events = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < articles; i++) {
            long s = System.nanoTime();
            events += extractor.extract(input.get(i)).size();
            nanos[i] = System.nanoTime() - s;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time of the benchmark thread: the figure that holds when other processes share the cores.
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Arrays.sort(nanos);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double heapMb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("articles", articles);
        figures.put("mean_article_bytes", bytes / articles);
        figures.put("events", events);
        figures.put("articles_per_s", Math.round(articles / seconds));
        figures.put("articles_per_cpu_s", Math.round(articles / cpuSeconds));
        figures.put("p50_ms", nanos[articles / 2] / 1e6);
        figures.put("p99_ms", nanos[(int) Math.min(articles - 1, Math.ceil(articles * 0.99) - 1)] / 1e6);
        figures.put("kb_people", kb.people().size());
        figures.put("kb_load_ms", Math.round(kbLoadMs));
        figures.put("heap_used_mb", Math.round(heapMb));
        figures.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("bench extract: %d articles (mean %d bytes), %d events, one thread%n", articles, bytes / articles, events);
        System.out.printf("  throughput %d articles/s wall clock, %d articles per CPU second; latency p50 %.3f ms, p99 %.3f ms%n",
                figures.get("articles_per_s"), figures.get("articles_per_cpu_s"), figures.get("p50_ms"), figures.get("p99_ms"));
        System.out.printf("  load average %.2f on %d cores during the run%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rt.availableProcessors());
        System.out.printf("  KB load %d ms (%d people), heap used %d MB%n", Math.round(kbLoadMs), kb.people().size(),
                Math.round(heapMb));
        if (json != null) {
            Files.writeString(json, Json.write(figures) + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }
}
