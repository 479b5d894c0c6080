package io.attache.json;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one generic JSON serde: any record type to and from UTF-8 JSON through {@link Json#MAPPER}.
 * A null payload is a tombstone both ways.
 */
public final class JsonSerde {

    private JsonSerde() {
    }

    public static <T> Serde<T> serdeFor(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : Json.bytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException(
                        "not a valid " + type.getSimpleName() + " JSON value on " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
