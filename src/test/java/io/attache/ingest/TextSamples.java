package io.attache.ingest;

import io.attache.bench.SyntheticNews;
import io.attache.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for the oracle tests that hold a rewritten text routine to its first version: the article
 * lines of the dev sets and the demo, synthetic news, and generated texts that mix scripts, white
 * space, surrogates and marks the way the regexes and JDK routines treat differently.
 */
public final class TextSamples {

    private static final String[] CORPORA = {"/devset/articles.jsonl", "/devset3/articles.jsonl", "/demo/articles.jsonl"};

    /** Pieces a generated text is made of: words, scripts, marks, every kind of space and separator. */
    private static final String[] PIECES = {
        "the", "President", "MEETS", "talks", "2026", "x1", "a", "I", "of", "in", "Ruritania's", "co-operation",
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u000B", "\f", "\r", "\u00A0", "\u2007", "\u202F", "\u2003",
        "\u3000", "\u2028", "\u2029", "\u0085", "\u1680", "\u001C", "\u001F", "\u200B", "\uFEFF",
        ".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "-", "\u2014", "\u2013", "\u2026", "\u201C", "\u201D",
        "\u2019", "&", "/", "#", "@", "_", "$", "%", "*",
        "caf\u00E9", "cafe\u0301", "A\u030A", "\u00C5ngstr\u00F6m", "\u212B", "\u00DF", "STRA\u00DFE", "\uFB01le",
        "\uFB00", "\u01C5", "\u0130STANBUL", "\u0131", "\u03A3\u039F\u03A6\u0399\u0391", "\u039F\u0394\u039F\u03A3",
        "\u03C3\u03C2", "\uFF21\uFF22\uFF23\uFF11\uFF12", "x\u00B2", "\u00BD", "\u216B", "\u2460", "\u2103",
        "\u0645\u0631\u062D\u0628\u0627", "\u0661\u0662", "\u0928\u092E\u0938\u094D\u0924\u0947", "\u5317\u4EAC",
        "\uC11C\uC6B8", "\u0E01\u0E23\u0E38\u0E07", "\u05E9\u05DC\u05D5\u05DD", "\u041C\u041E\u0421\u041A\u0412\u0410",
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC68\u200D\uD83D\uDC69", "\uD835\uDC00\uD835\uDC01",
        "\uD835\uDFD8", "\uD840\uDC0B", "\uD800", "\uDC00", "\uDBFF", "\uD83D", "\u0301", "\u0000", "\uFFFD", "\uFFFF",
        "\u00C0\u00C9\u00CE\u00D5\u00DC\u00DE\u00FF", "\u0531\u0532\u0533", "\u1E9E", "\uD801\uDC00\uD801\uDC01", "\u01C4\u01C5", "\u10A0", "\u13A0", "\u2C00", "\uA640", "\uFF21", "\u0178", "\u0100\u0101", "\u00AA", "\u00BA", "\u00B5", "\u00D7", "\u00F7", "\u02B0", "\u3005", "\u0F20",
    };

    private TextSamples() {
    }

    /** Every article line of the corpora in the repository, as it is in the file. */
    public static List<String> corpusLines() {
        List<String> lines = new ArrayList<>();
        for (String corpus : CORPORA) {
            try (InputStream in = TextSamples.class.getResourceAsStream(corpus)) {
                if (in == null) {
                    throw new IllegalStateException("missing test corpus " + corpus);
                }
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** The {@code text} of every corpus article. */
    public static List<String> corpusTexts() {
        return corpusLines().stream().map(l -> Json.read(l, Article.class).text()).toList();
    }

    public static List<Article> synthetic(int n) {
        return new SyntheticNews(7, LocalDate.of(2026, 1, 5)).next(n).stream().map(SyntheticNews.Story::article).toList();
    }

    /** A text of up to {@code maxPieces} pieces; most pieces are separated by a space so that words form. */
    public static String generated(Random random, int maxPieces) {
        int n = random.nextInt(maxPieces + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) > 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** {@code words} plain words separated by {@code separator}: texts right at the fingerprint's word threshold. */
    public static String words(int words, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : separator).append("w").append(Integer.toString(i, 36));
        }
        return sb.toString();
    }
}
