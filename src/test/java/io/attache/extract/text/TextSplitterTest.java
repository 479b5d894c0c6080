package io.attache.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    private final TextSplitter splitter = new TextSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(Sentence::text).toList();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("A news abbreviation does not end the sentence")
    @ValueSource(strings = {
        "The summit opens on Sept. 14 in the coastal city. Delegates arrive on Monday.",
        "The talks were chaired by Gen. Alvarez of the joint staff. Delegates arrive on Monday.",
        "The deal was welcomed by the U.S. envoy to the region. Delegates arrive on Monday.",
        "The bill was signed by Martin Luther Jr. at the end of the sitting. Delegates arrive on Monday.",
        "The trip by the party's No. 2 official was announced late. Delegates arrive on Monday.",
        "The memo was written by Dr. Okafor of the health ministry. Delegates arrive on Monday.",
        "The rally moved down St. Mark's square before noon. Delegates arrive on Monday.",
        "The invitation was handed to Mr. Lund by the ambassador. Delegates arrive on Monday.",
        "The talks were held with U.S. President Alvarez at the lodge. Delegates arrive on Monday.",
        "The two leaders met U.S. Secretary of State Alvarez in the hall. Delegates arrive on Monday.",
        "The ministers signed a $1.5 billion port agreement on the quay. Delegates arrive on Monday."})
    void abbreviations(String text) {
        assertThat(sentences(text)).hasSize(2).last().isEqualTo("Delegates arrive on Monday.");
    }

    @Test
    @DisplayName("Line breaks are hard boundaries, so headlines and widgets stand alone")
    void lineBreaks() {
        List<String> s = sentences("Loading\nLeader to visit the capital next week\n24°C Sunny\nThe visit was announced on Friday. It will last two days.");
        assertThat(s).containsExactly("Loading", "Leader to visit the capital next week", "24°C Sunny",
                "The visit was announced on Friday.", "It will last two days.");
    }

    @Test
    @DisplayName("Sentences and tokens carry offsets into the article text")
    void offsets() {
        String text = "Intro line\nThe president met the envoy. Then he left.";
        for (Sentence s : splitter.split(text)) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            for (Token t : s.tokens()) {
                assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
            }
        }
    }

    @Test
    @DisplayName("Tokens have exactly the boundaries of OpenNLP's SimpleTokenizer, on any characters")
    void tokensAsOpenNlp() {
        java.util.Random random = new java.util.Random(3);
        String alphabet = "aZé9٣ \u00a0\t.,-'’\"$%()“”?!:;ıß\u2003\u0301日\ud83d\ude00";
        List<String> samples = new java.util.ArrayList<>(List.of("", "  ", "The U.S.-led talks... ended (9) — “yes”!!",
                "24°C Partly cloudy", "Nuku'alofa, N’Djamena and São Tomé", "$1.5bn, 3-4 June 2026..."));
        for (int n = 0; n < 2000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        for (String s : samples) {
            List<String> expected = java.util.Arrays.stream(opennlp.tools.tokenize.SimpleTokenizer.INSTANCE.tokenizePos(s))
                    .map(sp -> (sp.getStart() + 7) + ":" + s.substring(sp.getStart(), sp.getEnd())).toList();
            assertThat(TextSplitter.tokenize(s, 7)).as(s).extracting(t -> t.start() + ":" + t.text())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("Sentence spans are exactly the OpenNLP detector's, also where it is not asked")
    void spansAsDetector() throws java.io.IOException {
        opennlp.tools.sentdetect.SentenceDetectorME detector;
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(TextSplitter.SENTENCE_MODEL)) {
            detector = new opennlp.tools.sentdetect.SentenceDetectorME(new opennlp.tools.sentdetect.SentenceModel(in));
        }
        java.util.Random random = new java.util.Random(5);
        String[] words = {"The", "visit", "ended", ".", "?", "!", "U.S.", "Mr.", "said.", "\u201d", "\"", "(12)", " ",
            "\u00a0", "talks", "3.5", "...", "?!", "Gen.", "he", "A", "Monday.", "Paris.\u201d", "\t"};
        List<String> lines = new java.util.ArrayList<>(List.of("", " ", ".", " . ", "Sign up", "He left.",
                "He left. ", "He left.\u00a0", "He left . ", "“We will go,” he said.”", "No. 2", "It ended. Then",
                "Mr. Lund left.", "The U.S. envoy left.", "Why? Because.", "Wait!!", "Wait!! ", "a.b", "a. b"));
        for (int n = 0; n < 3000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            lines.add(b.toString());
        }
        for (String devset : List.of("devset/articles.jsonl", "devset3/articles.jsonl")) { // real page text
            try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(devset)) {
                for (String json : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (!json.isBlank()) {
                        lines.addAll(List.of(io.attache.json.Json.read(json, io.attache.ingest.Article.class).text().split("\n")));
                    }
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(4000);
        for (String line : lines) {
            assertThat(splitter.sentenceSpans(line)).as(line).containsExactly(detector.sentPosDetect(line));
        }
    }

    @Test
    @DisplayName("A line without a full stop, question or exclamation mark is one sentence, trimmed")
    void lineWithoutEnd() {
        String text = "\u00a0 Sign up for our newsletter \u00a0\n\u00a0\u00a0\nMost Read";
        assertThat(splitter.split(text)).extracting(Sentence::text, Sentence::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sign up for our newsletter", 2),
                        org.assertj.core.groups.Tuple.tuple("\u00a0\u00a0", 31),
                        org.assertj.core.groups.Tuple.tuple("Most Read", 34));
    }

    @Test
    @DisplayName("Folding ignores case, accents and hyphens in names")
    void folding() {
        assertThat(Fold.name("Kim Jong-un")).isEqualTo(Fold.name("KIM JONG UN")).isEqualTo("kim jong un");
        assertThat(Fold.name("Tô Lâm")).isEqualTo("to lam");
    }
}
