package io.attache.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.kb.KbLoader;
import io.attache.ingest.Article;
import io.attache.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventMentionSchemaTest {

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fields(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    @DisplayName("The JSON an EventMention serialises to has exactly the fields the schema requires, in the forms it allows")
    void matchesSchema() throws IOException {
        JsonNode schema = Json.read(Files.readString(Path.of("topics/schemas/event-mention.schema.json")), JsonNode.class);
        RuleExtractor x = new RuleExtractor(KbLoader.fromClasspath("test-kb/"));
        EventMention m = x.extract(new Article("a-1", null, null, "2030-03-06", null,
                "Amina Bello met Peter Kamau at State House in Nairobi on Monday.", "en", null)).get(0);
        JsonNode json = Json.read(Json.write(m), JsonNode.class);
        assertThat(fields(json)).containsExactlyInAnyOrderElementsOf(names(schema.get("required")));
        assertThat(fields(json)).containsExactlyInAnyOrderElementsOf(fields(schema.get("properties")));
        JsonNode principal = schema.get("$defs").get("principal");
        assertThat(fields(json.get("actor"))).containsExactlyInAnyOrderElementsOf(names(principal.get("required")));
        assertThat(json.get("actor").get("id").asText()).matches(principal.get("properties").get("id").get("pattern").asText());
        assertThat(json.get("date").asText()).matches(schema.get("$defs").get("partialDate").get("pattern").asText());
        assertThat(fields(json.get("evidence"))).containsExactlyInAnyOrderElementsOf(
                names(schema.get("properties").get("evidence").get("required")));
        assertThat(names(schema.get("properties").get("cameo").get("enum"))).contains(json.get("cameo").asText());
    }
}
