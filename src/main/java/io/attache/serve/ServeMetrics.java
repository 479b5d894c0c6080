package io.attache.serve;

import io.attache.pipeline.PipelineMetrics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Prometheus registry behind {@code /metrics}: Kafka Streams and its clients' metrics, the JVM's,
 * and the pipeline's own meters, which are recorded in Micrometer's global registry (processors and
 * exception handlers are created by Kafka Streams and cannot be handed a registry).
 */
public final class ServeMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaStreamsMetrics streamsMetrics;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServeMetrics(KafkaStreams streams) {
        Metrics.addRegistry(registry);
        PipelineMetrics.register();
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        streamsMetrics.close();
        gc.close();
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
