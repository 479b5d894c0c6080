package io.attache.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.EventMention;
import io.attache.extract.RuleExtractor;
import io.attache.extract.eval.MentionScorer;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attache eval}: extracts the articles and scores the mentions against gold lines exactly like
 * shared/tools/score.py. Exit 3 when F1 is under {@code --min-f1}, 1 when an input line was bad.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score extraction on articles against gold lines (ANNOTATION.md section 6).")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--articles", required = true, description = "articles.jsonl")
    Path articles;

    @Option(names = "--gold", required = true, description = "gold.jsonl")
    Path gold;

    @Option(names = "--min-f1", description = "fail (exit 3) when mention F1 is below this")
    Double minF1;

    @Option(names = "--events", description = "also write the extracted mentions here")
    Path events;

    @Option(names = "--verbose", description = "list misses, extras, wrong status or date, and per-type figures")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        ArticleFiles.Read read = ArticleFiles.read(articles, System.err);
        RuleExtractor extractor = RuleExtractor.standard();
        List<JsonNode> found = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Article a : read.articles()) {
            for (EventMention m : extractor.extract(a)) {
                String line = Json.write(m);
                lines.add(line);
                found.add(Json.read(line, JsonNode.class));
            }
        }
        if (events != null) {
            Files.write(events, lines, StandardCharsets.UTF_8);
        }
        List<JsonNode> goldLines = new ArrayList<>();
        for (String l : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                goldLines.add(Json.read(l, JsonNode.class));
            }
        }
        MentionScorer.Result r = MentionScorer.score(goldLines, found);
        if (verbose) {
            r.misses().forEach(g -> System.out.println("MISS  " + g));
            r.extras().forEach(e -> System.out.println("EXTRA " + e.path("article_id").asText() + " " + e.path("type").asText()
                    + " " + e.path("actor").path("name").asText() + " " + names(e) + " " + e.path("host_country").asText(null)
                    + " " + e.path("status").asText() + " " + e.path("date").asText(null) + "  | " + e.path("evidence").path("sentence").asText()));
            r.wrong().forEach(w -> System.out.println("WRONG " + w[0].path("article").asText() + " " + w[0].path("type").asText()
                    + " " + w[0].get("actor") + " gold " + w[0].get("status") + " " + w[0].path("date").asText(null)
                    + " got " + w[1].path("status").asText() + " " + w[1].path("date").asText(null)));
            for (Map.Entry<String, int[]> t : r.perType().entrySet()) {
                System.out.printf("TYPE  %-9s tp=%d fn=%d fp=%d%n", t.getKey(), t.getValue()[0], t.getValue()[1], t.getValue()[2]);
            }
        }
        System.out.println("mentions P=" + r.precision() + " R=" + r.recall() + " F1=" + r.f1() + " (tp=" + r.tp() + " fp="
                + r.fp() + " fn=" + r.fn() + ") status=" + r.statusAcc() + " date=" + r.dateAcc());
        if (minF1 != null && r.f1() < minF1) {
            System.err.printf("eval: F1 %.3f is below --min-f1 %.3f%n", r.f1(), minF1);
            return 3;
        }
        return read.rejected() > 0 ? 1 : 0;
    }

    private static String names(JsonNode e) {
        List<String> n = new ArrayList<>();
        e.path("participants").forEach(p -> n.add(p.path("name").asText()));
        return n.toString();
    }
}
