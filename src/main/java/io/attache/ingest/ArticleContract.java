package io.attache.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The input contract of {@code articles.raw}: a JSON article object (only {@code text} required) or
 * a plain UTF-8 text value. Anything else is rejected with a {@link Rejected} naming the reason.
 */
public final class ArticleContract {

    /** Why a record was refused; the name goes into the DLQ record's headers. */
    public enum Reason {
        TOO_LARGE, EMPTY, BINARY, INVALID_JSON, WRONG_TYPE, MISSING_TEXT, INVALID_DATE
    }

    /** A record that breaks the contract. */
    public static final class Rejected extends RuntimeException {
        private final Reason reason;

        public Rejected(Reason reason, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The string members of an article object; the indexes below are their places in it. */
    private static final List<String> STRING_FIELDS = List.of("id", "url", "source", "published_at", "title", "text", "language");
    private static final int ID = 0;
    private static final int URL = 1;
    private static final int SOURCE = 2;
    private static final int PUBLISHED_AT = 3;
    private static final int TITLE = 4;
    private static final int TEXT = 5;
    private static final int LANGUAGE = 6;
    /** The order the first version checked types in, which names the field when several are wrong. */
    private static final Set<String> CHECK_ORDER = Set.of(STRING_FIELDS.toArray(new String[0]));

    private static final char[] LATIN1_LOWER = new char[0x100];

    static {
        for (char c = 0; c < LATIN1_LOWER.length; c++) {
            LATIN1_LOWER[c] = Character.toLowerCase(c);
        }
    }

    /** Never updated: each digest starts from a clone, cheaper than looking the algorithm up. */
    private static final MessageDigest SHA_256 = sha256();

    private final int maxBytes;

    public ArticleContract(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @return the article, with {@code publishedAt} and {@code ingestedAt} null when the record did not
     *     carry them (the topology fills them from the record timestamp)
     */
    public Article parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new Rejected(Reason.EMPTY, "record has no value");
        }
        if (value.length > maxBytes) {
            throw new Rejected(Reason.TOO_LARGE, value.length + " bytes exceeds the limit of " + maxBytes);
        }
        String s = decode(value);
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            throw new Rejected(Reason.EMPTY, "value is blank");
        }
        if (trimmed.charAt(0) == '{') {
            return fromJson(value, trimmed);
        }
        return new Article(stableId(null, trimmed), null, null, null, null, trimmed, null, null);
    }

    /** Decodes strict UTF-8 text, refusing invalid bytes and control characters as {@link Reason#BINARY}. */
    public static String decode(byte[] value) {
        // The String constructor decodes like the strict decoder but replaces what it refuses with
        // U+FFFD, so only a value holding that character needs the strict decoder's verdict.
        String s = new String(value, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value));
            } catch (CharacterCodingException e) {
                throw new Rejected(Reason.BINARY, "value is not valid UTF-8");
            }
        }
        // In valid UTF-8 a byte below 0x20 is always that control character itself.
        int control = 0;
        for (byte b : value) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        if (control > 0) {
            throw new Rejected(Reason.BINARY, "value holds " + control + " control characters");
        }
        return s;
    }

    /** @param json the record's {@code value}, valid UTF-8, and its text {@code trimmed} of white space */
    private static Article fromJson(byte[] value, String json) {
        String[] fields = stringFields(value);
        if (fields == null) {
            fields = treeFields(json);
        }
        String text = fields[TEXT];
        if (text == null || text.isBlank()) {
            throw new Rejected(Reason.MISSING_TEXT, "field 'text' is required and must not be blank");
        }
        String published = fields[PUBLISHED_AT];
        if (published != null) {
            checkDate(published);
        }
        String url = fields[URL];
        String id = fields[ID];
        return new Article(id != null && !id.isBlank() ? id : stableId(url, text), url, fields[SOURCE], published,
                fields[TITLE], text, fields[LANGUAGE], null);
    }

    /**
     * The {@link #STRING_FIELDS} of a well-formed object whose every member is a string or null, read
     * as a stream of tokens straight from the UTF-8 (the common record, without building a tree); null
     * for any other value, which {@link #treeFields} then reads from the text and names the fault of
     * as the contract always has. Leading white space other than JSON's is such a fault here, not there.
     */
    private static String[] stringFields(byte[] json) {
        String[] fields = new String[STRING_FIELDS.size()];
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    return null;
                }
                // Every string is read, as the tree reads it, so that its length limit applies alike.
                String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
                int f = STRING_FIELDS.indexOf(name);
                if (f >= 0) {
                    fields[f] = text; // a repeated member: the last one counts, as in the tree
                }
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    private static String[] treeFields(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Rejected(Reason.INVALID_JSON, e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new Rejected(Reason.INVALID_JSON, "not a JSON object");
        }
        for (String field : CHECK_ORDER) {
            JsonNode f = node.get(field);
            if (f != null && !f.isNull() && !f.isTextual()) {
                throw new Rejected(Reason.WRONG_TYPE, "field '" + field + "' must be a string, got " + f.getNodeType());
            }
        }
        String[] fields = new String[STRING_FIELDS.size()];
        for (int i = 0; i < fields.length; i++) {
            JsonNode f = node.get(STRING_FIELDS.get(i));
            fields[i] = f == null || f.isNull() ? null : f.asText();
        }
        return fields;
    }

    private static void checkDate(String published) {
        if (isPlainInstant(published)) {
            return;
        }
        if (mayBeLocalDate(published)) {
            try {
                LocalDate.parse(published);
                return;
            } catch (DateTimeParseException ignored) {
                // not a plain date; try an instant
            }
        }
        try {
            OffsetDateTime.parse(published);
            return;
        } catch (DateTimeParseException ignored) {
            // not an offset date-time; try a UTC instant
        }
        try {
            Instant.parse(published);
        } catch (DateTimeParseException e) {
            throw new Rejected(Reason.INVALID_DATE, "published_at '" + published + "' is not an ISO date or instant");
        }
    }

    /**
     * True for the usual published_at, {@code 2026-03-02T10:15:30Z} with an optional fraction and
     * perhaps an offset {@code +hh:mm} in place of the Z: every such string with fields in range is one
     * {@link OffsetDateTime#parse} accepts, and checking it here costs a fraction of that parse.
     * Anything else goes to the parsers.
     */
    private static boolean isPlainInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || !inRange(digits(s, 11, 2), 23) || !inRange(digits(s, 14, 2), 59) || !inRange(digits(s, 17, 2), 59)) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int fraction = i + 1;
            while (fraction < n && s.charAt(fraction) >= '0' && s.charAt(fraction) <= '9') {
                fraction++;
            }
            if (fraction == i + 1 || fraction - i - 1 > 9) {
                return false;
            }
            i = fraction;
        }
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        return i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':'
                && inRange(digits(s, i + 1, 2), 17) && inRange(digits(s, i + 4, 2), 59);
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean inRange(int value, int max) {
        return value >= 0 && value <= max;
    }

    /**
     * False when {@link LocalDate#parse} is sure to fail, to spare the exception for the usual
     * instant: ISO_LOCAL_DATE reads nothing but ASCII digits and signs.
     */
    private static boolean mayBeLocalDate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '-' && c != '+') {
                return false;
            }
        }
        return true;
    }

    /** A stable id: a hash of the URL when there is one, else of the whitespace- and case-normalized text. */
    public static String stableId(String url, String text) {
        return url != null && !url.isBlank() ? digest("url:", url.strip()) : textId(normalize(text));
    }

    /** The id of a text already {@link #normalize normalized}: {@code stableId(null, text)} without normalizing twice. */
    public static String textId(String normalized) {
        return digest("text:", normalized);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the UTF-8 of {@code prefix + value}, without building that string. */
    private static String digest(String prefix, String value) {
        try {
            MessageDigest sha = (MessageDigest) SHA_256.clone();
            sha.update(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest(value.getBytes(StandardCharsets.UTF_8));
            return "a-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text as compared for exact duplicates: NFKC, lower case, runs of white space folded. */
    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String folded = fold(nfkc, true);
        return folded != null ? folded : fold(nfkc.toLowerCase(Locale.ROOT), false);
    }

    /**
     * As the former regex {@code \s+} (ASCII white space only) folded runs to one space and
     * {@link String#strip} then cut Unicode white space at both ends, in one pass compacting in place.
     * With {@code lowerCase} it also lower-cases as {@code toLowerCase(Locale.ROOT)} does, char by
     * char, as long as no char needs that method's special casing: it returns null on a capital sigma
     * (lower case depends on the next letter), a capital I with dot (two chars) or a surrogate.
     */
    private static String fold(String s, boolean lowerCase) {
        char[] cs = s.toCharArray();
        int start = 0;
        int end = cs.length;
        while (start < end && Character.isWhitespace(cs[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(cs[end - 1])) {
            end--;
        }
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = cs[i];
            if (c <= ' ' && isRegexSpace(c)) {
                if (cs[length - 1] != ' ') { // a space written starts this run; the first char is no space
                    cs[length++] = ' ';
                }
                continue;
            }
            if (lowerCase) {
                if (c <= 0xff) {
                    c = LATIN1_LOWER[c];
                } else if (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c)) {
                    return null;
                } else {
                    c = Character.toLowerCase(c);
                }
            }
            cs[length++] = c;
        }
        return new String(cs, 0, length);
    }

    /** The characters of the regex class {@code \s}: space, tab, LF, VT, FF, CR. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
