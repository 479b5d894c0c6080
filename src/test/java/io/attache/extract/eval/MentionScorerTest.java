package io.attache.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MentionScorerTest {

    private static List<JsonNode> lines(String... json) {
        return Stream.of(json).map(j -> Json.read(j, JsonNode.class)).toList();
    }

    @Test
    @DisplayName("Visits match on actor and host, meetings on the set of principals, names folded")
    void matching() {
        List<JsonNode> gold = lines(
                "{\"article\":\"a\",\"type\":\"VISIT\",\"actor\":\"Jane Doe\",\"host\":\"KE\",\"status\":[\"PLANNED\"],\"date\":\"2030-03\"}",
                "{\"article\":\"a\",\"type\":\"MEETING\",\"actor\":\"Jane Doe\",\"with\":[[\"Tomas Herrera\",\"T. Herrera\"]],\"host\":\"KE\",\"status\":[\"COMPLETED\"],\"date\":null}",
                "{\"article\":\"a\",\"type\":\"CALL\",\"actor\":\"Jane Doe\",\"with\":[\"Mei Lin\"],\"status\":[\"COMPLETED\"],\"date\":\"2030\",\"optional\":true}",
                "{\"article\":\"b\",\"type\":\"VISIT\",\"actor\":\"Mei Lin\",\"host\":\"NO\",\"status\":[\"COMPLETED\"],\"date\":\"2030-02\"}");
        List<JsonNode> events = lines(
                "{\"article_id\":\"a\",\"type\":\"VISIT\",\"status\":\"SPECULATED\",\"actor\":{\"name\":\"JANE DOE\"},\"host_country\":\"KE\",\"date\":\"2030-03-04\"}",
                "{\"article_id\":\"a\",\"type\":\"VISIT\",\"status\":\"PLANNED\",\"actor\":{\"name\":\"Jane Doe\"},\"host_country\":\"KE\",\"date\":\"2030-03-09\"}",
                "{\"article_id\":\"a\",\"type\":\"MEETING\",\"status\":\"COMPLETED\",\"actor\":{\"name\":\"Tomás Herrera\"},\"participants\":[{\"name\":\"Tomás Herrera\"},{\"name\":\"Jane Doe\"}],\"host_country\":null,\"date\":\"2031\"}",
                "{\"article_id\":\"a\",\"type\":\"CALL\",\"status\":\"PLANNED\",\"actor\":{\"name\":\"Jane Doe\"},\"participants\":[{\"name\":\"Mei Lin\"}],\"date\":null}",
                "{\"article_id\":\"b\",\"type\":\"VISIT\",\"status\":\"COMPLETED\",\"actor\":{\"name\":\"Mei Lin\"},\"host_country\":\"SE\",\"date\":\"2030-02\"}");
        MentionScorer.Result r = MentionScorer.score(gold, events);
        // The PLANNED visit is preferred over the SPECULATED one; the unused SPECULATED one is an extra.
        assertThat(r.tp()).isEqualTo(2);
        assertThat(r.fp()).isEqualTo(2);
        assertThat(r.fn()).isEqualTo(1);
        assertThat(r.statusAcc()).isEqualTo(1.0);
        assertThat(r.dateAcc()).isEqualTo(1.0);
        assertThat(r.precision()).isEqualTo(0.5);
        assertThat(r.recall()).isEqualTo(0.667);
        assertThat(r.f1()).isEqualTo(0.571);
        assertThat(r.misses()).extracting(g -> g.get("article").asText()).containsExactly("b");
    }
}
