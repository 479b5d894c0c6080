package io.attache.cli;

import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads articles.jsonl files for the offline commands; a bad line is reported as file:line and skipped. */
final class ArticleFiles {

    /** The articles read and the number of lines rejected. */
    record Read(List<Article> articles, int rejected) {
    }

    private ArticleFiles() {
    }

    static Read read(Path file, PrintStream err) throws IOException {
        List<Article> out = new ArrayList<>();
        int rejected = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Article a = Json.read(line, Article.class);
                    if (a.id() == null || a.text() == null) {
                        throw new IllegalArgumentException("missing id or text");
                    }
                    out.add(a);
                } catch (RuntimeException e) {
                    rejected++;
                    String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    err.println(file + ":" + n + ": skipped: " + (why == null ? e : why.lines().findFirst().orElse(why)));
                }
            }
        }
        return new Read(out, rejected);
    }
}
