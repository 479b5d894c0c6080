package io.attache.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.EventMention;
import io.attache.extract.RuleExtractor;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java scorer behind {@code attache eval} and the independent shared/tools/score.py agree on the same output. */
class ScorerAgreementTest {

    /** ../shared next to the project (the main checkout), or two levels up from a worktree. */
    private static Path shared() {
        for (String p : List.of("../shared", "../../shared")) {
            Path d = Path.of(p).toAbsolutePath().normalize();
            if (Files.exists(d.resolve("tools/score.py"))) {
                return d;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("attache eval's figures equal score.py's on the same extracted events")
    @ValueSource(strings = {"seeds", "demo"})
    void sameFigures(String corpus, @TempDir Path tmp) throws IOException, InterruptedException {
        Path shared = shared();
        assumeTrue(shared != null, "../shared/tools/score.py is absent: cannot compare with the reference scorer");
        assumeTrue(python(), "python3 is not on the PATH: cannot run the reference scorer");
        Path articles = corpus.equals("seeds") ? shared.resolve("corpus/seeds/articles.jsonl")
                : Path.of("src/main/resources/demo/articles.jsonl");
        Path gold = corpus.equals("seeds") ? shared.resolve("corpus/seeds/gold.jsonl")
                : Path.of("src/test/resources/demo-gold.jsonl");
        assumeTrue(Files.exists(articles) && Files.exists(gold), corpus + " corpus is absent: " + articles);

        RuleExtractor extractor = RuleExtractor.standard();
        List<String> lines = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        for (String l : Files.readAllLines(articles, StandardCharsets.UTF_8)) {
            if (l.isBlank()) {
                continue;
            }
            for (EventMention m : extractor.extract(Json.read(l, Article.class))) {
                String line = Json.write(m);
                lines.add(line);
                events.add(Json.read(line, JsonNode.class));
            }
        }
        Path out = tmp.resolve("events.jsonl");
        Files.write(out, lines, StandardCharsets.UTF_8);
        List<JsonNode> goldLines = new ArrayList<>();
        for (String l : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                goldLines.add(Json.read(l, JsonNode.class));
            }
        }
        MentionScorer.Result ours = MentionScorer.score(goldLines, events);

        Process p = new ProcessBuilder("python3", shared.resolve("tools/score.py").toString(), gold.toString(),
                out.toString(), "--json").redirectErrorStream(true).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stdout).isZero();
        JsonNode theirs = Json.read(stdout.strip().lines().reduce((a, b) -> b).orElseThrow(), JsonNode.class).get("mentions");

        assertThat(ours.tp()).isEqualTo(theirs.get("tp").asInt());
        assertThat(ours.fp()).isEqualTo(theirs.get("fp").asInt());
        assertThat(ours.fn()).isEqualTo(theirs.get("fn").asInt());
        assertThat(ours.precision()).isEqualTo(theirs.get("precision").asDouble());
        assertThat(ours.recall()).isEqualTo(theirs.get("recall").asDouble());
        assertThat(ours.f1()).isEqualTo(theirs.get("f1").asDouble());
        assertThat(ours.statusAcc()).isEqualTo(theirs.get("status_acc").asDouble());
        assertThat(ours.dateAcc()).isEqualTo(theirs.get("date_acc").asDouble());
        theirs.get("per_type").fields().forEachRemaining(t -> assertThat(ours.perType().get(t.getKey()))
                .as(t.getKey()).containsExactly(t.getValue().get("tp").asInt(), t.getValue().get("fn").asInt(),
                        t.getValue().get("fp").asInt()));
        System.out.printf("%s: F1=%s status=%s date=%s agree with score.py%n", corpus, ours.f1(), ours.statusAcc(), ours.dateAcc());
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
