package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.ingest.ArticleSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RejectionHandlersTest {

    private static final String DLQ = "p.articles.dlq";

    /** The context Kafka Streams hands a handler for a record at {@code articles.raw-2@41}. */
    private record Context(byte[] sourceRawKey, byte[] sourceRawValue, Headers headers) implements ErrorHandlerContext {
        @Override public String topic() { return "p.articles.raw"; }
        @Override public int partition() { return 2; }
        @Override public long offset() { return 41; }
        @Override public String processorNodeId() { return "articles-raw-source"; }
        @Override public TaskId taskId() { return new TaskId(0, 2); }
        @Override public long timestamp() { return 1_700_000_000_000L; }
    }

    private static Exception deserialize(byte[] value, int maxBytes) {
        try {
            ArticleSerde.create(maxBytes).deserializer().deserialize("p.articles.raw", value);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("value was accepted");
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return Optional.ofNullable(r.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    @DisplayName("A record that breaks the contract resumes processing and yields one DLQ record: value and key unchanged, reason, cause and origin in headers")
    void deserializationDeadLetter() {
        byte[] value = "{\"text\": 7}".getBytes(StandardCharsets.UTF_8);
        byte[] key = "k1".getBytes(StandardCharsets.UTF_8);
        RejectingDeserializationHandler handler = new RejectingDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ));
        Headers headers = new RecordHeaders().add("source-id", "feed-9".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("p.articles.raw", 2, 41, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, key.length, value.length, key, value, headers, Optional.empty());

        DeserializationExceptionHandler.Response response =
                handler.handleError(new Context(key, value, headers), record, deserialize(value, 1024));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        List<ProducerRecord<byte[], byte[]>> dead = response.deadLetterQueueRecords();
        assertThat(dead).hasSize(1);
        ProducerRecord<byte[], byte[]> r = dead.get(0);
        assertThat(r.topic()).isEqualTo(DLQ);
        assertThat(r.value()).isEqualTo(value);
        assertThat(r.key()).isEqualTo(key);
        assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(header(r, Rejections.REASON_HEADER)).isEqualTo("WRONG_TYPE");
        assertThat(header(r, Rejections.CAUSE_HEADER)).isEqualTo("io.attache.ingest.ArticleContract$Rejected");
        assertThat(header(r, "__streams.errors.exception")).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(r, "__streams.errors.message")).startsWith("WRONG_TYPE: field 'text'");
        assertThat(header(r, "__streams.errors.topic")).isEqualTo("p.articles.raw");
        assertThat(header(r, "__streams.errors.partition")).isEqualTo("2");
        assertThat(header(r, "__streams.errors.offset")).isEqualTo("41");
        assertThat(header(r, "source-id")).isEqualTo("feed-9");
    }

    @Test
    @DisplayName("Each contract breach is labelled with its own reason")
    void reasons() {
        assertThat(Rejections.reason(deserialize(new byte[2048], 1024), "?")).isEqualTo("TOO_LARGE");
        assertThat(Rejections.reason(deserialize(new byte[] {(byte) 0xc3, 0x28}, 1024), "?")).isEqualTo("BINARY");
        assertThat(Rejections.reason(deserialize("{oops".getBytes(StandardCharsets.UTF_8), 1024), "?"))
                .isEqualTo("INVALID_JSON");
        assertThat(Rejections.reason(new IllegalStateException("boom"), Rejections.PROCESSING_ERROR))
                .isEqualTo("PROCESSING_ERROR");
    }

    @Test
    @DisplayName("A processor that throws sends the source record to the DLQ as PROCESSING_ERROR and processing resumes")
    void processingDeadLetter() {
        byte[] value = "{\"text\":\"fine by the contract\"}".getBytes(StandardCharsets.UTF_8);
        RejectingProcessingHandler handler = new RejectingProcessingHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ));

        ProcessingExceptionHandler.Response response = handler.handleError(
                new Context(null, value, new RecordHeaders()), new Record<>("k", "v", 0L),
                new IllegalArgumentException("extractor choked"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(value);
            assertThat(header(r, Rejections.REASON_HEADER)).isEqualTo("PROCESSING_ERROR");
            assertThat(header(r, Rejections.CAUSE_HEADER)).isEqualTo("java.lang.IllegalArgumentException");
        });
    }
}
