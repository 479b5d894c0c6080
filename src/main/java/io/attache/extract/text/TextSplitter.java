package io.attache.extract.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.sentdetect.SDContextGenerator;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * Sentences and tokens of raw page text. Line breaks are hard boundaries (page text carries headlines and
 * widgets without full stops); inside a line OpenNLP's English sentence model decides, and a post-pass
 * re-joins the splits it makes after news abbreviations ("Sept. 3", "Gen. Min", "No. 2", "the U.S. envoy").
 * Thread-safe: the model's context generator, which is not, is held per thread.
 */
public final class TextSplitter {

    static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    /** Abbreviations after which a full stop never ends a sentence. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt",
            "sgt", "adm", "cmdr", "gov", "sen", "rep", "pres", "prof", "st", "jr", "sr", "no", "nos", "vs", "rev",
            "hon", "amb", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mt", "ft", "messrs", "sheikh", "brig", "cpl", "pvt", "approx", "est", "dept", "inc", "corp", "co");

    private static final SentenceModel MODEL = loadModel();
    /** The characters the sentence model may end a sentence on ('.', '!' and '?' for the English model). */
    private static final char[] EOS = MODEL.getEosCharacters();
    private static final MaxentModel MAXENT = MODEL.getMaxentModel();
    private static final boolean TOKEN_END = MODEL.getFactory().isUseTokenEnd();

    private final ThreadLocal<SDContextGenerator> contexts =
            ThreadLocal.withInitial(() -> MODEL.getFactory().getSDContextGenerator());

    private static SentenceModel loadModel() {
        try (InputStream in = TextSplitter.class.getClassLoader().getResourceAsStream(SENTENCE_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP sentence model " + SENTENCE_MODEL + " not on the classpath");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Sentence> split(String text) {
        char[] chars = text.toCharArray(); // tokenized without String.charAt's checks on every character
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            splitLine(text, chars, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private void splitLine(String text, char[] chars, int from, int to, List<Sentence> out) {
        String line = text.substring(from, to);
        if (line.isBlank()) {
            return;
        }
        Span[] spans = sentenceSpans(line);
        List<int[]> joined = new ArrayList<>();
        for (Span s : spans) {
            int a = s.getStart();
            int b = s.getEnd();
            if (!joined.isEmpty() && continues(line, joined.get(joined.size() - 1)[1], a)) {
                joined.get(joined.size() - 1)[1] = b;
            } else {
                joined.add(new int[] {a, b});
            }
        }
        if (joined.isEmpty()) {
            joined.add(new int[] {0, line.length()});
        }
        boolean whole = joined.size() == 1;
        for (int[] j : joined) {
            int a = j[0];
            int b = j[1];
            while (a < b && Character.isWhitespace(line.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                out.add(new Sentence(out.size(), line.substring(a, b), from + a, from + b,
                        tokenize(chars, from + a, from + b, 0), whole));
            }
        }
    }

    /**
     * The spans OpenNLP's {@link SentenceDetectorME#sentPosDetect} finds in one line with this model (which has no
     * abbreviation dictionary), step for step, with one step fewer: the model is not asked about the line's last
     * end mark when it sits in the line's last word, since a split there and none give the same last sentence.
     * Most news paragraphs end so, and many are one sentence; asking the model (its context features and
     * look-ups) was the costliest step of splitting. {@code TextSplitterTest} holds this to the library's answers.
     */
    Span[] sentenceSpans(String line) {
        int length = line.length();
        int[] marks = endMarks(line);
        // where each accepted sentence ends, i.e. where the next one starts
        int[] cuts = new int[marks.length];
        int cutCount = 0;
        int sentenceStart = 0;
        SDContextGenerator features = null;
        for (int m = 0; m < marks.length; m++) {
            int mark = marks[m];
            int wordEnd = firstWhitespace(line, mark + 1);
            boolean laterMarkInWord = m + 1 < marks.length && marks[m + 1] < wordEnd;
            boolean capitalFollows = mark + 1 < length && Character.isUpperCase(line.charAt(mark + 1));
            if (laterMarkInWord && !capitalFollows) {
                continue; // "U.S.", "?!": the word's last mark decides, unless a capital starts right after this one
            }
            if (cutCount > 0 && mark < cuts[cutCount - 1]) {
                continue;
            }
            int next = firstNonWhitespace(line, TOKEN_END ? wordEnd : mark + 1);
            if (m == marks.length - 1 && next == length) {
                continue; // the last end mark, in the last word: the last sentence is the same either way
            }
            features = features == null ? contexts.get() : features;
            String outcome = MAXENT.getBestOutcome(MAXENT.eval(features.getContext(line, mark)));
            if (outcome.equals(SentenceDetectorME.SPLIT)) {
                if (mark != sentenceStart) {
                    cuts[cutCount++] = next;
                }
                sentenceStart = mark + 1;
            }
        }
        if (cutCount == 0) {
            return trimmed(line);
        }
        boolean tail = cuts[cutCount - 1] != length;
        Span[] spans = new Span[cutCount + (tail ? 1 : 0)];
        int from = 0;
        for (int k = 0; k < cutCount; k++) {
            spans[k] = new Span(from, cuts[k]).trim(line);
            from = cuts[k];
        }
        if (tail) {
            spans[cutCount] = new Span(from, length).trim(line);
        }
        return spans;
    }

    /** The positions of the characters the model may end a sentence on. */
    private static int[] endMarks(String s) {
        int[] marks = new int[8];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            for (char e : EOS) {
                if (c == e) {
                    if (n == marks.length) {
                        marks = Arrays.copyOf(marks, n * 2);
                    }
                    marks[n++] = i;
                }
            }
        }
        return Arrays.copyOf(marks, n);
    }

    private static int firstWhitespace(String s, int from) {
        int k = from;
        while (k < s.length() && !StringUtil.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int firstNonWhitespace(String s, int from) {
        int k = from;
        while (k < s.length() && StringUtil.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The detector's answer for a line it does not split: the line trimmed of OpenNLP's whitespace, or nothing. */
    private static Span[] trimmed(String line) {
        int a = 0;
        int b = line.length();
        while (a < b && StringUtil.isWhitespace(line.charAt(a))) {
            a++;
        }
        while (b > a && StringUtil.isWhitespace(line.charAt(b - 1))) {
            b--;
        }
        return a < b ? new Span[] {new Span(a, b)} : new Span[0];
    }

    /** Whether the split at {@code prevEnd} follows an abbreviation and must be undone. */
    static boolean continues(String line, int prevEnd, int nextStart) {
        int e = prevEnd;
        while (e > 0 && Character.isWhitespace(line.charAt(e - 1))) {
            e--;
        }
        if (e > 0 && Character.isLetterOrDigit(line.charAt(e - 1))) {
            return true; // the model cut inside a sentence ("a $1.5 | billion deal"): no closing mark, no end
        }
        if (e == 0 || line.charAt(e - 1) != '.') {
            return false;
        }
        int w = e - 1;
        while (w > 0 && (Character.isLetter(line.charAt(w - 1)) || line.charAt(w - 1) == '.')) {
            w--;
        }
        String word = line.substring(w, e - 1);
        int k = nextStart;
        while (k < line.length() && Character.isWhitespace(line.charAt(k))) {
            k++;
        }
        char next = k < line.length() ? line.charAt(k) : ' ';
        if (e >= 2 && Character.isDigit(line.charAt(e - 2)) && Character.isDigit(next) && k == e) {
            return true; // "$1.5 billion": a decimal point
        }
        if (TITLES.contains(Fold.word(word))) {
            return true;
        }
        // Initialisms such as U.S., U.N., E.U.: only a lower-case or numeric continuation proves it one sentence.
        boolean initialism = word.length() >= 2 && word.indexOf('.') > 0 || word.length() == 1 && Character.isUpperCase(word.charAt(0));
        if (!initialism) {
            return false;
        }
        // "and U.S. President X", "met U.S. Secretary of State X": a capitalised title after the initialism, or a
        // function word before it, shows that the sentence goes on.
        return Character.isLowerCase(next) || Character.isDigit(next)
                || word.length() >= 2 && (BOUND_BEFORE.contains(Fold.word(wordBefore(line, w)))
                        || TITLE_AFTER.contains(Fold.word(wordAt(line, k))));
    }

    private static final Set<String> BOUND_BEFORE = Set.of("and", "or", "the", "of", "with", "by", "to", "for", "from",
            "between", "a", "an", "former", "top", "senior", "as", "said", "told", "met");
    private static final Set<String> TITLE_AFTER = Set.of("president", "secretary", "ambassador", "envoy", "officials",
            "official", "vice", "senator", "sen", "representative", "special", "trade", "treasury", "defense",
            "defence", "state", "army", "navy", "forces", "troops", "government", "administration", "embassy",
            "delegation", "lawmakers", "congress", "house", "senate", "military", "intelligence", "department",
            "prime", "foreign", "chancellor", "commerce", "commission", "security", "national");

    private static String wordBefore(String line, int w) {
        int e = w;
        while (e > 0 && Character.isWhitespace(line.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(line.charAt(b - 1))) {
            b--;
        }
        return line.substring(b, e);
    }

    private static String wordAt(String line, int k) {
        int e = k;
        while (e < line.length() && Character.isLetter(line.charAt(e))) {
            e++;
        }
        return line.substring(k, e);
    }

    /** Token boundaries of OpenNLP's character-class tokenizer, offsets shifted to the article text. */
    public static List<Token> tokenize(String s, int offset) {
        return tokenize(s.toCharArray(), 0, s.length(), offset);
    }

    private static final byte WHITESPACE = 0;
    private static final byte ALPHABETIC = 1;
    private static final byte NUMERIC = 2;
    private static final byte OTHER = 3;
    /** The character classes of {@link SimpleTokenizer} for Latin-1, looked up instead of recomputed per character. */
    private static final byte[] LATIN1_CLASS = new byte[256];

    static {
        for (char c = 0; c < 256; c++) {
            LATIN1_CLASS[c] = charClass(c);
        }
    }

    private static byte charClass(char c) {
        if (StringUtil.isWhitespace(c)) {
            return WHITESPACE;
        } else if (Character.isAlphabetic(c)) {
            return ALPHABETIC;
        } else if (Character.isDigit(c)) {
            return NUMERIC;
        }
        return OTHER;
    }

    /**
     * The tokens of {@code text[from, to)}, split exactly as OpenNLP's {@link SimpleTokenizer} splits that
     * substring, with offsets moved by {@code shift}: a token is a run of one character class, and each
     * punctuation character other than a repeat of the one before starts a new token. Done here in one pass
     * over the article text, without the tokenizer's span objects or a copy of the sentence, because it runs
     * over every character of every article.
     */
    private static List<Token> tokenize(char[] text, int from, int to, int shift) {
        TokenCache cache = TOKEN_CACHE.get();
        List<Token> tokens = new ArrayList<>((to - from) / 4 + 4);
        // a token runs while the character class stays the same; a run of punctuation breaks at every change of character
        byte runClass = WHITESPACE;
        int runStart = -1;
        int runHash = 0;
        char last = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            byte cls = c < 256 ? LATIN1_CLASS[c] : charClass(c);
            boolean breaks = runClass != WHITESPACE && (cls != runClass || cls == OTHER && c != last);
            if (breaks) {
                tokens.add(cache.token(text, runStart, i, runHash, shift));
            }
            if (cls != WHITESPACE && (runClass == WHITESPACE || breaks)) {
                runStart = i;
                runHash = 0;
            }
            runHash = 31 * runHash + c;
            runClass = cls;
            last = c;
        }
        if (runClass != WHITESPACE) {
            tokens.add(cache.token(text, runStart, to, runHash, shift));
        }
        return tokens;
    }

    private static final ThreadLocal<TokenCache> TOKEN_CACHE = ThreadLocal.withInitial(TokenCache::new);

    /**
     * The strings of recent tokens, by their characters, for one thread. News repeats its words ("the", "said",
     * the names of the story), so most tokens are found here: no new strings, no folding again, and hash codes
     * already computed for the many word-set look-ups each token then goes through. Direct-mapped and bounded:
     * a token whose slot holds another word simply replaces it.
     */
    private static final class TokenCache {

        private static final int SLOTS = 4096;
        private final char[][] keys = new char[SLOTS][];
        private final String[] texts = new String[SLOTS];
        private final String[] norms = new String[SLOTS];

        /** The token of {@code text[start, end)}, whose characters hash to {@code hash}. */
        Token token(char[] text, int start, int end, int hash, int shift) {
            int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
            char[] key = keys[slot];
            if (key == null || !same(key, text, start, end)) {
                String t = new String(text, start, end - start);
                keys[slot] = Arrays.copyOfRange(text, start, end);
                texts[slot] = t;
                norms[slot] = Character.isLetterOrDigit(text[start]) ? Fold.word(t) : t;
            }
            return new Token(texts[slot], norms[slot], start + shift, end + shift, Character.isLetterOrDigit(text[start]));
        }

        /** A plain loop: tokens are short, and unlike Arrays.equals it runs fast before the JIT's last tier. */
        private static boolean same(char[] key, char[] text, int start, int end) {
            if (key.length != end - start) {
                return false;
            }
            for (int k = 0; k < key.length; k++) {
                if (key[k] != text[start + k]) {
                    return false;
                }
            }
            return true;
        }
    }
}
