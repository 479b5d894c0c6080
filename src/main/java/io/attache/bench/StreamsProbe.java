package io.attache.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Reads a Kafka Streams instance's own metrics during a bench phase: how its stream threads share
 * their time between processing, committing and polling (the windowed {@code *-ratio} thread
 * metrics, averaged over the threads and over the samples taken), and how many records its
 * producers sent (every changelog, repartition and output record). Both explain a throughput
 * figure: a thread that commits half the time, or an application that writes thirty records per
 * input record, is bound by Kafka rather than by its own code.
 */
public final class StreamsProbe {

    /** Shares of a stream thread's wall time; the rest is spent between these (e.g. in the run loop). */
    public record ThreadTime(double process, double commit, double poll, double punctuate) {
    }

    private static final String THREAD_GROUP = "stream-thread-metrics";
    private static final String PRODUCER_GROUP = "producer-metrics";

    private final KafkaStreams streams;
    private final double sentAtStart;
    private final Map<String, Double> sums = new HashMap<>();
    private int samples;

    StreamsProbe(KafkaStreams streams) {
        this.streams = streams;
        this.sentAtStart = recordsSent();
    }

    /** Adds the threads' current ratios (averaged over the threads) to the phase's averages. */
    void sample() {
        Map<String, Double> sum = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
            MetricName name = m.getKey();
            if (name.group().equals(THREAD_GROUP) && name.name().endsWith("-ratio")
                    && m.getValue().metricValue() instanceof Double v && !v.isNaN()) {
                sum.merge(name.name(), v, Double::sum);
                threads.merge(name.name(), 1, Integer::sum);
            }
        }
        if (sum.isEmpty()) {
            return;
        }
        samples++;
        sum.forEach((k, v) -> sums.merge(k, v / threads.get(k), Double::sum));
    }

    ThreadTime threadTime() {
        return new ThreadTime(average("process-ratio"), average("commit-ratio"), average("poll-ratio"),
                average("punctuate-ratio"));
    }

    /** Records the instance's producers sent since this probe was made (made before the start: all of them). */
    double recordsSentSinceStart() {
        return recordsSent() - sentAtStart;
    }

    private double average(String name) {
        return samples == 0 ? Double.NaN : Math.round(1000 * sums.getOrDefault(name, 0.0) / samples) / 1000.0;
    }

    private double recordsSent() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
            if (m.getKey().group().equals(PRODUCER_GROUP) && m.getKey().name().equals("record-send-total")
                    && m.getValue().metricValue() instanceof Double v) {
                total += v;
            }
        }
        return total;
    }
}
