package io.attache.pipeline.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.json.JsonSerde;
import io.attache.pipeline.RejectingProcessingHandler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityStageTest {

    private static final Principal SATO = new Principal("kenji-sato", "Kenji Sato", "JP", "Prime Minister", true);
    private static final Principal OLIVEIRA = new Principal("maria-oliveira", "Maria Oliveira", "BR", "President", true);

    @TempDir
    Path dir;

    private static EventRef meeting(String id, EventStatus status, String date) {
        return new EventRef(id, EventType.MEETING, status, SATO, List.of(OLIVEIRA), "JP", date, null, date + "T12:00:00Z");
    }

    @Test
    @DisplayName("A change the summary cannot take goes to the DLQ and leaves index, timeline and summary as they were")
    void failedChangeLeavesStateAlone() {
        Tally<Dyad> failsOnBoom = (group, current, held, now, timeline) -> {
            if (now != null && now.eventId().equals("boom")) {
                throw new IllegalStateException("cannot count boom");
            }
            return Dyad.TALLY.update(group, current, held, now, timeline);
        };
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("contributions", Consumed.with(Serdes.String(), JsonSerde.serdeFor(Contribution.class)))
                .process(new ActivityStage<>("dyad", JsonSerde.serdeFor(Dyad.class), failsOnBoom), Named.as("dyad-summary"))
                .to("dyads", Produced.with(Serdes.String(), JsonSerde.serdeFor(Dyad.class)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "activity-stage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2026-01-01T00:00:00Z"))) {
            TestInputTopic<String, Contribution> in = driver.createInputTopic("contributions", Serdes.String().serializer(),
                    JsonSerde.serdeFor(Contribution.class).serializer());
            TestOutputTopic<String, Dyad> out = driver.createOutputTopic("dyads", Serdes.String().deserializer(),
                    JsonSerde.serdeFor(Dyad.class).deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("dlq", Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer());

            in.pipeInput("BR|JP", new Contribution("m1", meeting("m1", EventStatus.PLANNED, "2025-06-10")));
            in.pipeInput("BR|JP", new Contribution("boom", meeting("boom", EventStatus.COMPLETED, "2025-07-01")));
            KeyValueStore<String, EventRef> index = driver.getKeyValueStore("dyad-events-store");
            KeyValueStore<String, EventRef> timeline = driver.getKeyValueStore("dyad-timeline-store");
            KeyValueStore<String, Dyad> summaries = driver.getKeyValueStore("dyad-store");
            assertThat(dlq.readRecordsToList()).hasSize(1);
            assertThat(index.get("BR|JP#boom")).isNull();
            assertThat(timeline.approximateNumEntries()).isEqualTo(1);
            assertThat(summaries.get("BR|JP").eventCount()).isEqualTo(1);

            in.pipeInput("BR|JP", new Contribution("m1", meeting("m1", EventStatus.COMPLETED, "2025-06-11")));
            Dyad last = out.readValuesToList().get(1);
            assertThat(last.eventCount()).isEqualTo(1);
            assertThat(last.counts()).isEqualTo(Map.of(EventType.MEETING, Map.of(EventStatus.COMPLETED, 1)));
            assertThat(last.latest().date()).isEqualTo("2025-06-11");
        }
    }
}
