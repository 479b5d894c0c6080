package io.attache.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

    private static final int MAX = 1 << 20;

    @TempDir
    Path dir;

    private ArticleReader reader(boolean recursive, boolean titleLine) {
        return new ArticleReader(new ArticleCheck(MAX, null), MAX, recursive, titleLine);
    }

    private List<ReadResult> readAll(ArticleReader r, List<String> args, AtomicLong progress) {
        ArticleReader.Inputs inputs = r.expand(args);
        try (var s = r.read(inputs, InputStream.nullInputStream(), progress::addAndGet)) {
            return s.toList();
        }
    }

    /** Writes {@code n} valid article files in the formats the reader knows, plus the three broken ones. */
    static Path thousandFilesWithThreeBroken(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (int i = 0; i < 997; i++) {
            Path folder = i % 2 == 0 ? dir : dir.resolve("sub");
            switch (i % 3) {
                case 0 -> Files.writeString(folder.resolve("a" + i + ".jsonl"), Json.write(Map.of(
                        "id", "gen-" + i, "source", "Test Wire", "published_at", "2025-03-04",
                        "text", "The minister of state number " + i + " will travel to Oslo next week.")) + "\n");
                case 1 -> Files.writeString(folder.resolve("a" + i + ".txt"),
                        "Talks number " + i + "\nThe two leaders spoke by phone on Tuesday about trade, call " + i + ".\n");
                default -> Files.writeString(folder.resolve("a" + i + ".html"), "<html lang=\"en-GB\"><head>"
                        + "<title>Visit " + i + " | Site</title><link rel=\"canonical\" href=\"https://example.org/n/" + i + "\">"
                        + "</head><body><nav>Home | World</nav><article><h1>Visit " + i + "</h1>"
                        + "<p>The president arrived in Lima on Monday.</p></article><footer>(c) Site</footer></body></html>");
            }
        }
        Files.writeString(dir.resolve("sub/broken.jsonl"), "{\"id\": \"x\", \"text\": \"unterminated\n");
        byte[] binary = new byte[600];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("photo.txt"), binary);
        Files.write(dir.resolve("empty.jsonl"), new byte[0]);
        return dir;
    }

    @Test
    @DisplayName("a folder of 1,000 files with three broken ones yields 997 articles and three rejections naming file:line and reason")
    void thousandFiles() throws IOException {
        thousandFilesWithThreeBroken(dir);
        AtomicLong progress = new AtomicLong();
        ArticleReader r = reader(true, true);
        ArticleReader.Inputs inputs = r.expand(List.of(dir.toString()));
        List<ReadResult> results = readAll(r, List.of(dir.toString()), progress);

        assertThat(results).hasSize(1000);
        assertThat(results).filteredOn(ReadResult.Accepted.class::isInstance).hasSize(997);
        assertThat(results).filteredOn(ReadResult.Rejected.class::isInstance)
                .map(x -> ((ReadResult.Rejected) x).describe())
                .containsExactlyInAnyOrder(
                        dir.resolve("empty.jsonl") + ":1: EMPTY: file holds no article",
                        dir.resolve("photo.txt") + ":1: BINARY: file holds NUL bytes; not text",
                        dir.resolve("sub/broken.jsonl") + ":1: INVALID_JSON: " + invalidJsonDetail());
        assertThat(progress.get()).isEqualTo(inputs.totalBytes());
    }

    private static String invalidJsonDetail() {
        ReadResult r = new ArticleCheck(MAX, null).parse("x", "{\"id\": \"x\", \"text\": \"unterminated".getBytes(StandardCharsets.UTF_8));
        return ((ReadResult.Rejected) r).detail();
    }

    @Test
    @DisplayName("without --recursive only the named folder's own files are read")
    void notRecursive() throws IOException {
        thousandFilesWithThreeBroken(dir);
        List<ReadResult> results = readAll(reader(false, true), List.of(dir.toString()), new AtomicLong());
        assertThat(results).allSatisfy(x -> assertThat(x.origin()).doesNotContain("/sub/"));
        assertThat(results).hasSize(499 + 2);
    }

    @Test
    @DisplayName("JSON Lines: each line is checked on its own, blank lines skipped, line numbers kept")
    void jsonLines() throws IOException {
        Path f = dir.resolve("mixed.jsonl");
        Files.writeString(f, "\uFEFF{\"id\":\"one\",\"text\":\"First story.\"}\n\n"
                + "{\"id\":\"two\",\"text\":\"\"}\n"
                + "{\"id\":\"three\",\"text\":\"Third.\",\"published_at\":\"last week\"}\r\n"
                + "plain words\n"
                + "{\"id\":\"four\",\"text\":5}\n"
                + "{\"text\":\"No id here.\",\"url\":\"https://example.org/x\"}");
        List<ReadResult> results = readAll(reader(false, true), List.of(f.toString()), new AtomicLong());
        assertThat(results).map(ReadResult::origin).containsExactly(
                f + ":1", f + ":3", f + ":4", f + ":5", f + ":6", f + ":7");
        assertThat(results).map(x -> x instanceof ReadResult.Rejected rj ? rj.reason() : "OK").containsExactly(
                "OK", "MISSING_TEXT", "INVALID_DATE", "INVALID_JSON", "WRONG_TYPE", "OK");
        Article last = ((ReadResult.Accepted) results.get(5)).article();
        assertThat(last.id()).isEqualTo(ArticleContract.stableId("https://example.org/x", "No id here."));
    }

    @Test
    @DisplayName("plain text: the first line is the title unless titles are off; a one-line file is all text")
    void text() throws IOException {
        Path f = dir.resolve("story.txt");
        Files.writeString(f, "Leaders meet\n\nThe chancellor met the prime minister in Rome.\n");
        Path one = dir.resolve("one.txt");
        Files.writeString(one, "Only a single line of news.");
        Article titled = accepted(readAll(reader(false, true), List.of(f.toString()), new AtomicLong())).get(0);
        assertThat(titled.title()).isEqualTo("Leaders meet");
        assertThat(titled.text()).isEqualTo("The chancellor met the prime minister in Rome.");
        Article untitled = accepted(readAll(reader(false, false), List.of(f.toString()), new AtomicLong())).get(0);
        assertThat(untitled.title()).isNull();
        assertThat(untitled.text()).startsWith("Leaders meet\n");
        Article single = accepted(readAll(reader(false, true), List.of(one.toString()), new AtomicLong())).get(0);
        assertThat(single.title()).isNull();
        assertThat(single.text()).isEqualTo("Only a single line of news.");
    }

    @Test
    @DisplayName("HTML: page chrome is dropped and title, canonical URL, date, site and language come from metadata")
    void html() throws IOException {
        Path f = dir.resolve("page.htm");
        Files.writeString(f, """
                <html lang="en-US"><head><title>Ignored | The Daily</title>
                <meta property="og:title" content="Premier lands in Hanoi">
                <meta property="og:site_name" content="The Daily">
                <meta property="og:url" content="https://daily.example/world/hanoi">
                <meta property="article:published_time" content="2025-10-02T08:15:00+0200">
                <style>p { color: red }</style><script>track()</script></head>
                <body><header>Subscribe now</header><nav><a href="/">Home</a></nav>
                <main><p>The premier landed in Hanoi on Thursday.</p><aside>Related: weather</aside>
                <p>Talks with her counterpart <b>begin</b> tomorrow.</p><form>Sign up</form></main>
                <footer>Contact us</footer></body></html>
                """);
        Article a = accepted(readAll(reader(false, true), List.of(f.toString()), new AtomicLong())).get(0);
        assertThat(a.title()).isEqualTo("Premier lands in Hanoi");
        assertThat(a.url()).isEqualTo("https://daily.example/world/hanoi");
        assertThat(a.source()).isEqualTo("The Daily");
        assertThat(a.publishedAt()).isEqualTo("2025-10-02T06:15:00Z");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.text()).isEqualTo("The premier landed in Hanoi on Thursday.\nTalks with her counterpart begin tomorrow.");
        assertThat(a.id()).isEqualTo(ArticleContract.stableId("https://daily.example/world/hanoi", a.text()));
    }

    @Test
    @DisplayName("HTML: a canonical link wins over og:url, and <time datetime> gives the date when nothing else does")
    void htmlCanonical() {
        HtmlArticle page = HtmlArticle.parse("<html><head><link rel=canonical href=\"/a/1\">"
                + "<meta property=og:url content=\"https://other.example/x\"></head><body><article>"
                + "<time datetime=\"2025-01-05\">5 Jan</time><p>Text.</p></article></body></html>", "https://www.site.example/p?q=1");
        assertThat(page.url()).isEqualTo("https://www.site.example/a/1");
        assertThat(page.source()).isEqualTo("site.example");
        assertThat(page.publishedAt()).isEqualTo("2025-01-05");
        assertThat(page.title()).isNull();

        HtmlArticle headed = HtmlArticle.parse("<html><head><title>Site | Home</title></head><body><header><h1>Logo</h1></header>"
                + "<article><header><h1>Envoys meet in Baku</h1><p>By A. Writer</p></header><p>Body.</p></article></body></html>", "");
        assertThat(headed.title()).isEqualTo("Envoys meet in Baku");
        assertThat(headed.text()).isEqualTo("Body.");
    }

    @Test
    @DisplayName("globs match files by pattern; a pattern or file that matches nothing is a NOT_FOUND rejection")
    void globs() throws IOException {
        Files.createDirectories(dir.resolve("n"));
        Files.writeString(dir.resolve("n/2025-01.jsonl"), "{\"text\":\"January.\"}\n");
        Files.writeString(dir.resolve("n/2025-02.jsonl"), "{\"text\":\"February.\"}\n");
        Files.writeString(dir.resolve("n/2024-12.jsonl"), "{\"text\":\"December.\"}\n");
        List<ReadResult> results = readAll(reader(false, true),
                List.of(dir + "/n/2025-*.jsonl", dir + "/n/1999-*.jsonl", dir + "/nope.txt"), new AtomicLong());
        assertThat(accepted(results)).map(Article::text).containsExactly("January.", "February.");
        assertThat(results).filteredOn(ReadResult.Rejected.class::isInstance)
                .map(x -> ((ReadResult.Rejected) x).reason()).containsExactly("NOT_FOUND", "NOT_FOUND");
    }

    @Test
    @DisplayName("stdin: JSON Lines when the first non-blank line is an object, else articles separated by blank lines")
    void stdin() {
        ArticleReader r = reader(false, true);
        List<ReadResult> json = r.read("stdin", in("\n{\"text\":\"One.\"}\nnot json\n{\"text\":\"Two.\"}\n")).toList();
        assertThat(json).map(ReadResult::origin).containsExactly("stdin:2", "stdin:3", "stdin:4");
        assertThat(json.get(1)).isInstanceOf(ReadResult.Rejected.class);

        List<ReadResult> text = r.read("stdin", in("Title one\nBody one.\n\n\nBody two is a single line.\n")).toList();
        assertThat(text).map(ReadResult::origin).containsExactly("stdin:1", "stdin:5");
        assertThat(accepted(text)).map(Article::title).containsExactly("Title one", null);
        assertThat(accepted(text)).map(Article::text).containsExactly("Body one.", "Body two is a single line.");
    }

    @Test
    @DisplayName("a line beyond the article limit is rejected as TOO_LARGE without stopping the file")
    void tooLarge() throws IOException {
        Path f = dir.resolve("big.jsonl");
        Files.writeString(f, "{\"text\":\"" + "x".repeat(300) + "\"}\n{\"text\":\"small\"}\n");
        ArticleReader r = new ArticleReader(new ArticleCheck(200, null), 200, false, true);
        List<ReadResult> results = r.read(r.expand(List.of(f.toString())), InputStream.nullInputStream(), n -> { }).toList();
        assertThat(results).map(x -> x instanceof ReadResult.Rejected rj ? rj.reason() : "OK").containsExactly("TOO_LARGE", "OK");
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Article> accepted(List<ReadResult> results) {
        return results.stream().filter(ReadResult.Accepted.class::isInstance)
                .map(x -> ((ReadResult.Accepted) x).article()).toList();
    }
}
