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
 *
 * <p>The serializer remembers the last value it wrote: a processor that puts a value in its store
 * and forwards the same instance to the topic of the same type (the activity summaries), or puts it
 * in two stores, has it encoded once. Values are immutable records, so the same instance has the
 * same bytes; the bytes are only ever read (copied into a batch or into RocksDB).
 */
public final class JsonSerde {

    private JsonSerde() {
    }

    public static <T> Serde<T> serdeFor(Class<T> type) {
        Serializer<T> serializer = new LastValueSerializer<>();
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

    private static final class LastValueSerializer<T> implements Serializer<T> {

        private record Encoded(Object value, byte[] bytes) {
        }

        /** Shared by the tasks of every stream thread: read once per call, replaced whole. */
        private volatile Encoded last;

        @Override
        public byte[] serialize(String topic, T value) {
            if (value == null) {
                return null;
            }
            Encoded seen = last;
            if (seen != null && seen.value() == value) {
                return seen.bytes();
            }
            byte[] bytes = Json.bytes(value);
            last = new Encoded(value, bytes);
            return bytes;
        }
    }
}
