package io.attache.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** The official apache/kafka image under Testcontainers; only where a Docker engine is present. */
public final class ContainerTestBroker implements TestBroker, AutoCloseable {

    public static final String IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerTestBroker(KafkaContainer container) {
        this.container = container;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static ContainerTestBroker start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new ContainerTestBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String name() {
        return IMAGE + " container";
    }

    @Override
    public void close() {
        container.stop();
    }
}
