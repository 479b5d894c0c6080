package io.attache.ingest;

import io.attache.json.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@code articles.raw}. Its deserializer enforces {@link ArticleContract}: a record that
 * breaks it raises a {@link SerializationException} whose message starts with the reason, which
 * Kafka Streams' deserialization handler routes to the dead-letter queue.
 */
public final class ArticleSerde {

    private ArticleSerde() {
    }

    public static Serde<Article> create(int maxBytes) {
        ArticleContract contract = new ArticleContract(maxBytes);
        Serializer<Article> serializer = (topic, article) -> article == null ? null : Json.bytes(article);
        Deserializer<Article> deserializer = (topic, bytes) -> {
            try {
                return contract.parse(bytes);
            } catch (ArticleContract.Rejected e) {
                throw new SerializationException(e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
