package io.attache.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Text ids are kept in state and compared across versions, and a record's fate (accepted as which
 * article, or rejected for which reason) must not depend on the version that read it. The first,
 * tree-based version of {@link ArticleContract} is kept here as the oracle for the rewritten one.
 */
@DisplayName("ArticleContract against its first, tree-based version")
class ArticleContractReferenceTest {

    private static final int MAX_BYTES = 64 * 1024;
    private static final ArticleContract CONTRACT = new ArticleContract(MAX_BYTES);

    @Test
    @DisplayName("Corpus, synthetic and generated texts normalize to the same text and text id as before")
    void normalizeAndTextId() {
        List<String> texts = new ArrayList<>(TextSamples.corpusTexts());
        TextSamples.synthetic(1000).stream().map(Article::text).forEach(texts::add);
        Random random = new Random(11);
        for (int i = 0; i < 6000; i++) {
            texts.add(TextSamples.generated(random, i % 2 == 0 ? 12 : 200));
        }
        texts.addAll(List.of("", " ", "\r\n", "\u00A0", "\u2028 a \u2028", " \u001C x \u001F ", "\u0130\u03A3 \u03A3.",
                "A\u00A0\u00A0B", "\t\u000B\f a  \r\n b \u3000"));
        for (String text : texts) {
            String expected = referenceNormalize(text);
            String normalized = ArticleContract.normalize(text);
            assertThat(normalized).as(text).isEqualTo(expected);
            assertThat(ArticleContract.textId(normalized)).isEqualTo(referenceDigest("text:" + expected));
            assertThat(ArticleContract.stableId(null, text)).isEqualTo(referenceDigest("text:" + expected));
        }
    }

    @Test
    @DisplayName("Corpus lines, synthetic articles and their texts as plain values are read as the same articles as before")
    void validRecords() {
        List<byte[]> records = new ArrayList<>();
        for (String line : TextSamples.corpusLines()) {
            records.add(utf8(line));
            records.add(utf8(Json.read(line, Article.class).text()));
        }
        for (Article a : TextSamples.synthetic(1000)) {
            records.add(Json.bytes(a));
            records.add(utf8(a.text()));
        }
        int accepted = 0;
        for (byte[] record : records) {
            String expected = referenceOutcome(record);
            assertThat(outcome(CONTRACT, record)).as(new String(record, StandardCharsets.UTF_8)).isEqualTo(expected);
            accepted += expected.startsWith("accepted") ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(records.size());
    }

    @Test
    @DisplayName("Hand-made edge records get the same article or the same rejection reason and message as before")
    void edgeRecords() {
        List<String> values = new ArrayList<>();
        String text = "\"text\":\"Leaders met in Zenda.\"";
        for (String date : List.of("2025-12-01", "2025-12-01T10:00:00Z", "2025-12-01T10:00:00+02:00", "2025-12-01T10:00Z",
                "2025-12-01t10:00:00z", "+12025-01-01", "-0001-01-01", "2025-02-30", "2025-12-01T10:00:00", "20251201", "",
                " 2025-12-01", "2025-12-01 10:00", "2025-12-01T25:00:00Z", "2025-12-01T10:00:00.123456789Z",
                "2025-12-01T10:00:00+0200", "\u0662\u0660\u0662\u0665-12-01", "x", "T")) {
            values.add("{" + text + ",\"published_at\":\"" + date + "\"}");
        }
        for (String field : List.of("id", "url", "source", "published_at", "title", "text", "language", "extra")) {
            for (String value : List.of("1", "-2.5e3", "true", "false", "null", "[]", "[\"a\"]", "{}", "{\"a\":[1,{}]}", "\"\"",
                    "\"  \"", "\"\\u0000\"", "1e999999", "123456789012345678901234567890", "NaN", "'q'")) {
                values.add("{" + text + ",\"" + field + "\":" + value + "}");
                values.add("{\"" + field + "\":" + value + "," + text + "}");
            }
        }
        values.addAll(List.of("{" + text + "}", "{" + text + "} trailing", "{" + text + "}}", "{" + text + ",}",
                "{" + text + "," + text + "}", "{" + text + ",\"text\":\"  \"}", "{\"text\":\" \"," + text + "}",
                "{" + text + ",\"id\":\"a\",\"id\":\"b\"}", "{" + text + ",\"id\":\"a\",\"id\":null}",
                "{" + text + ",\"url\":\" https://x.example/a \"}", "{" + text + ",\"url\":\"  \",\"id\":\" \"}",
                "{" + text + " /* c */}", "{'text':'x'}", "{text:\"x\"}", "{\"text\":\"x\"", "{\"text\"", "{", "{}",
                "{\"text\":\"a\\nb\\u00e9\\ud83d\\ude00\"}", "{\"text\":\"\\ud800\"}", "{\"text\":\"bad \\q escape\"}",
                "{\"text\":\"raw\ttab\"}", "\u2028{" + text + "}", " \r\n\t{" + text + "}\n", "\uFEFF{" + text + "}",
                "\u3000{" + text + "}\u2029", "\u00A0", " ", "\t\r\n", "plain text", "[1,2]", "\"just a string\"",
                "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "," + text + "}",
                "{\"n\":" + "9".repeat(1200) + "," + text + "}", "x".repeat(MAX_BYTES + 1), "{" + text + "}" + " ".repeat(MAX_BYTES)));
        List<byte[]> records = new ArrayList<>();
        values.forEach(v -> records.add(utf8(v)));
        records.addAll(List.of(new byte[0], new byte[] {0x00}, new byte[] {(byte) 0xff, 'a'}, new byte[] {'{', 0x01, '}'},
                new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {'a', (byte) 0xe2, (byte) 0x82},
                utf8("\uFFFD real replacement char"), utf8("{\"text\":\"\uFFFD\"}")));
        records.add(null);
        for (byte[] record : records) {
            assertThat(outcome(CONTRACT, record)).as(record == null ? "null" : new String(record, StandardCharsets.UTF_8))
                    .isEqualTo(referenceOutcome(record));
        }
    }

    @Test
    @DisplayName("Generated published_at values near the usual instant are accepted or refused as before")
    void dates() {
        Random random = new Random(3);
        String[] zones = {"Z", "z", "", "+00:00", "-00:00", "+05:30", "-11:59", "+17:59", "+18:00", "-18:00", "+18:01", "+19:00",
            "+24:00", "+05:60", "+05", "+0530", "+05:30:15", "Z ", "ZZ", "+5:30", "+05:3", "\u0665"};
        int accepted = 0;
        for (int k = 0; k < 10000; k++) {
            StringBuilder d = new StringBuilder();
            d.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", pick(random, 0, 1900, 2000, 2023, 2024, 2100, 9999),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                d.append('.').append("123456789012".substring(0, random.nextInt(12)));
            }
            d.append(zones[random.nextInt(zones.length)]);
            if (random.nextInt(4) == 0) {
                d.setCharAt(random.nextInt(d.length()), "0123456789-+:.TtZ x".charAt(random.nextInt(19)));
            }
            if (random.nextInt(10) == 0) {
                d.setLength(random.nextInt(d.length() + 1));
            }
            byte[] record = utf8("{\"text\":\"x\",\"published_at\":\"" + d + "\"}");
            String expected = referenceOutcome(record);
            assertThat(outcome(CONTRACT, record)).as(d.toString()).isEqualTo(expected);
            accepted += expected.startsWith("accepted") ? 1 : 0;
        }
        assertThat(accepted).isBetween(1000, 9000);
    }

    private static int pick(Random random, int... values) {
        return random.nextInt(3) == 0 ? random.nextInt(10000) : values[random.nextInt(values.length)];
    }

    @Test
    @DisplayName("Truncated and byte-damaged articles get the same article or rejection as before")
    void damagedRecords() {
        Random random = new Random(5);
        byte[][] damage = {{0x00}, {0x1b}, {(byte) 0x80}, {(byte) 0xc3}, {(byte) 0xff}, {(byte) 0xed, (byte) 0xb0, (byte) 0x80},
            {'"'}, {'\\'}, {'{'}, {'}'}, {','}, {':'}, {'\n'}, {(byte) 0xe2, (byte) 0x80, (byte) 0xa8}, {'0'}, {'['}};
        List<byte[]> bases = new ArrayList<>();
        TextSamples.corpusLines().stream().limit(20).forEach(l -> bases.add(utf8(l)));
        TextSamples.synthetic(20).forEach(a -> bases.add(Json.bytes(a)));
        int checked = 0;
        for (byte[] base : bases) {
            for (int k = 0; k < 40; k++) {
                byte[] record;
                if (k % 2 == 0) {
                    record = java.util.Arrays.copyOf(base, random.nextInt(base.length + 1));
                } else {
                    byte[] d = damage[random.nextInt(damage.length)];
                    int at = random.nextInt(base.length);
                    record = new byte[base.length + d.length];
                    System.arraycopy(base, 0, record, 0, at);
                    System.arraycopy(d, 0, record, at, d.length);
                    System.arraycopy(base, at, record, at + d.length, base.length - at);
                }
                assertThat(outcome(CONTRACT, record)).as(new String(record, StandardCharsets.UTF_8))
                        .isEqualTo(referenceOutcome(record));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(bases.size() * 40);
        ArticleContract small = new ArticleContract(2048);
        byte[] big = Json.bytes(TextSamples.synthetic(1).get(0));
        assertThat(outcome(small, big)).isEqualTo("rejected TOO_LARGE: " + big.length + " bytes exceeds the limit of 2048");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String outcome(ArticleContract contract, byte[] record) {
        try {
            return "accepted " + contract.parse(record);
        } catch (ArticleContract.Rejected e) {
            return "rejected " + e.getMessage();
        }
    }

    // The first version, verbatim but for names.

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Set<String> STRING_FIELDS = Set.of("id", "url", "source", "published_at", "title", "text", "language");

    private static String referenceOutcome(byte[] value) {
        try {
            return "accepted " + referenceParse(value);
        } catch (ArticleContract.Rejected e) {
            return "rejected " + e.getMessage();
        }
    }

    private static Article referenceParse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.EMPTY, "record has no value");
        }
        if (value.length > MAX_BYTES) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.TOO_LARGE, value.length + " bytes exceeds the limit of " + MAX_BYTES);
        }
        String s = referenceDecode(value);
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.EMPTY, "value is blank");
        }
        if (trimmed.charAt(0) == '{') {
            return referenceFromJson(trimmed);
        }
        return new Article(referenceStableId(null, trimmed), null, null, null, null, trimmed, null, null);
    }

    private static String referenceDecode(byte[] value) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.BINARY, "value is not valid UTF-8");
        }
        long control = s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        if (control > 0) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.BINARY, "value holds " + control + " control characters");
        }
        return s;
    }

    private static Article referenceFromJson(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.INVALID_JSON, e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.INVALID_JSON, "not a JSON object");
        }
        for (String field : STRING_FIELDS) {
            JsonNode f = node.get(field);
            if (f != null && !f.isNull() && !f.isTextual()) {
                throw new ArticleContract.Rejected(ArticleContract.Reason.WRONG_TYPE,
                        "field '" + field + "' must be a string, got " + f.getNodeType());
            }
        }
        String text = str(node, "text");
        if (text == null || text.isBlank()) {
            throw new ArticleContract.Rejected(ArticleContract.Reason.MISSING_TEXT, "field 'text' is required and must not be blank");
        }
        String published = str(node, "published_at");
        if (published != null) {
            referenceCheckDate(published);
        }
        String url = str(node, "url");
        String id = str(node, "id");
        return new Article(id != null && !id.isBlank() ? id : referenceStableId(url, text), url, str(node, "source"),
                published, str(node, "title"), text, str(node, "language"), null);
    }

    private static void referenceCheckDate(String published) {
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
            throw new ArticleContract.Rejected(ArticleContract.Reason.INVALID_DATE,
                    "published_at '" + published + "' is not an ISO date or instant");
        }
    }

    private static String str(JsonNode node, String field) {
        JsonNode f = node.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }

    private static String referenceStableId(String url, String text) {
        return url != null && !url.isBlank() ? referenceDigest("url:" + url.strip()) : referenceDigest("text:" + referenceNormalize(text));
    }

    private static String referenceDigest(String basis) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "a-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String referenceNormalize(String text) {
        return WHITE_SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
