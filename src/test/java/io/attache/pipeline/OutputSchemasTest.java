package io.attache.pipeline;

import static io.attache.extract.EventStatus.COMPLETED;
import static io.attache.extract.EventStatus.PLANNED;
import static io.attache.pipeline.PipelineHarness.OLIVEIRA;
import static io.attache.pipeline.PipelineHarness.SATO;
import static io.attache.pipeline.PipelineHarness.mention;
import static io.attache.pipeline.PipelineHarness.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.EventType;
import io.attache.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON Schemas in topics/schemas describe exactly the fields the output records carry. */
class OutputSchemasTest {

    private static JsonNode schema(String file) throws IOException {
        return Json.MAPPER.readTree(Path.of("topics/schemas", file).toFile());
    }

    private static void matches(JsonNode value, JsonNode objectSchema, String what) {
        Set<String> fields = new TreeSet<>();
        value.fieldNames().forEachRemaining(fields::add);
        Set<String> declared = new TreeSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(declared::add);
        assertThat(fields).as("fields of %s", what).isEqualTo(declared);
        if (objectSchema.has("required")) {
            objectSchema.get("required").forEach(r -> assertThat(value.get(r.asText()).isNull())
                    .as("required %s.%s is set", what, r.asText()).isFalse());
        }
    }

    @Test
    @DisplayName("Canonical event, alert, leader activity and dyad records match their schemas, nested records included")
    void recordsMatchSchemas() throws IOException {
        try (PipelineHarness h = new PipelineHarness()) {
            h.pipe(visit("s1", "2025-08-20", OLIVEIRA, "JP", PLANNED, "2025-09"));
            h.pipe(visit("s3", "2025-09-12", OLIVEIRA, "JP", COMPLETED, "2025-09-08"));
            h.pipe(mention("s2", "2025-09-10", EventType.MEETING, OLIVEIRA, List.of(SATO), "JP", COMPLETED, "2025-09-09"));
            JsonNode event = Json.MAPPER.valueToTree(h.canonical().values().iterator().next());
            JsonNode alert = Json.MAPPER.valueToTree(h.alertsOut.readValue());
            JsonNode activity = Json.MAPPER.valueToTree(h.activity().get("maria-oliveira"));
            JsonNode dyad = Json.MAPPER.valueToTree(h.dyads().get("BR|JP"));

            JsonNode ce = schema("canonical-event.schema.json");
            matches(event, ce, "canonical event");
            matches(event.get("actor"), ce.at("/$defs/principal"), "principal");
            matches(event.get("status_history").get(0), ce.at("/properties/status_history/items"), "status change");
            matches(alert, schema("alert.schema.json"), "alert");
            JsonNode la = schema("leader-activity.schema.json");
            matches(activity, la, "leader activity");
            matches(activity.get("last_activity"), la.at("/$defs/event_ref"), "event ref");
            matches(activity.get("countries_visited").get("JP"), la.at("/properties/countries_visited/additionalProperties"),
                    "country visits");
            matches(dyad, schema("dyad.schema.json"), "dyad");
        }
    }
}
