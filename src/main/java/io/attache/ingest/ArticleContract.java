package io.attache.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Set<String> STRING_FIELDS = Set.of("id", "url", "source", "published_at", "title", "text", "language");

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
            return fromJson(trimmed);
        }
        return new Article(stableId(null, trimmed), null, null, null, null, trimmed, null, null);
    }

    /** Decodes strict UTF-8 text, refusing invalid bytes and control characters as {@link Reason#BINARY}. */
    public static String decode(byte[] value) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(Reason.BINARY, "value is not valid UTF-8");
        }
        long control = s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        if (control > 0) {
            throw new Rejected(Reason.BINARY, "value holds " + control + " control characters");
        }
        return s;
    }

    private static Article fromJson(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Rejected(Reason.INVALID_JSON, e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new Rejected(Reason.INVALID_JSON, "not a JSON object");
        }
        for (String field : STRING_FIELDS) {
            JsonNode f = node.get(field);
            if (f != null && !f.isNull() && !f.isTextual()) {
                throw new Rejected(Reason.WRONG_TYPE, "field '" + field + "' must be a string, got " + f.getNodeType());
            }
        }
        String text = str(node, "text");
        if (text == null || text.isBlank()) {
            throw new Rejected(Reason.MISSING_TEXT, "field 'text' is required and must not be blank");
        }
        String published = str(node, "published_at");
        if (published != null) {
            checkDate(published);
        }
        String url = str(node, "url");
        String id = str(node, "id");
        return new Article(id != null && !id.isBlank() ? id : stableId(url, text), url, str(node, "source"),
                published, str(node, "title"), text, str(node, "language"), null);
    }

    private static void checkDate(String published) {
        try {
            LocalDate.parse(published);
            return;
        } catch (DateTimeParseException ignored) {
            // not a plain date; try an instant
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

    private static String str(JsonNode node, String field) {
        JsonNode f = node.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }

    /** A stable id: a hash of the URL when there is one, else of the whitespace- and case-normalized text. */
    public static String stableId(String url, String text) {
        return url != null && !url.isBlank() ? digest("url:" + url.strip()) : textId(normalize(text));
    }

    /** The id of a text already {@link #normalize normalized}: {@code stableId(null, text)} without normalizing twice. */
    public static String textId(String normalized) {
        return digest("text:" + normalized);
    }

    private static String digest(String basis) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "a-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text as compared for exact duplicates: NFKC, lower case, runs of white space folded. */
    public static String normalize(String text) {
        return WHITE_SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
