package io.attache.bench;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of the pipeline benchmark: the cheapest Kafka Streams application over the same
 * input, copying each record's bytes to a sink topic under the same settings and guarantee, so the
 * pipeline's throughput can be stated as a share of what the broker and the Streams runtime allow.
 */
public final class Passthrough {

    private Passthrough() {
    }

    public static Topology build(String input, String sink, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("passthrough-source"))
                .to(sink, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("passthrough-sink"));
        return builder.build(props);
    }
}
