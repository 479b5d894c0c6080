package io.attache.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    record Visit(String leaderId, List<String> countries) {
    }

    @Test
    @DisplayName("Each value is written as its own JSON, whether or not the serializer wrote it just before")
    void writesEachValueAsItself() {
        Serde<Visit> serde = JsonSerde.serdeFor(Visit.class);
        Visit a = new Visit("maria-oliveira", List.of("JP"));
        Visit b = new Visit("kenji-sato", List.of("BR", "IN"));
        byte[] first = serde.serializer().serialize("t", a);
        assertThat(serde.serializer().serialize("t", a)).isEqualTo(first);
        assertThat(new String(serde.serializer().serialize("t", b), StandardCharsets.UTF_8))
                .isEqualTo("{\"leader_id\":\"kenji-sato\",\"countries\":[\"BR\",\"IN\"]}");
        assertThat(serde.serializer().serialize("t", new Visit("maria-oliveira", List.of("JP")))).isEqualTo(first);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", a))).isEqualTo(a);
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }
}
