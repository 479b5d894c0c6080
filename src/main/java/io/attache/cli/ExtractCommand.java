package io.attache.cli;

import io.attache.extract.EventMention;
import io.attache.extract.RuleExtractor;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attache extract}: articles.jsonl in, one event mention a line out; no Kafka. Exit 1 if a line was bad. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract diplomatic event mentions from an articles.jsonl file (offline).")
public final class ExtractCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "articles.jsonl (one article a line)")
    Path input;

    @Option(names = "--output", description = "events.jsonl to write (default: standard output)")
    Path output;

    @Override
    public Integer call() throws IOException {
        ArticleFiles.Read read = ArticleFiles.read(input, System.err);
        RuleExtractor extractor = RuleExtractor.standard();
        int events = 0;
        try (Writer w = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (Article a : read.articles()) {
                for (EventMention m : extractor.extract(a)) {
                    w.write(Json.write(m));
                    w.write('\n');
                    events++;
                }
            }
        }
        System.err.printf("extract: %d articles, %d events, %d bad lines%n", read.articles().size(), events, read.rejected());
        return read.rejected() > 0 ? 1 : 0;
    }
}
