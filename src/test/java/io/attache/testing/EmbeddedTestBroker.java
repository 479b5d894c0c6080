package io.attache.testing;

import io.attache.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One embedded broker shared by every test class of a JVM (started on first use, closed when the
 * JVM exits): tests isolate themselves by topic prefix and application id, not by broker.
 */
public final class EmbeddedTestBroker implements TestBroker {

    private static EmbeddedTestBroker shared;

    private final EmbeddedKafka kafka;

    private EmbeddedTestBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public static synchronized EmbeddedTestBroker shared() {
        if (shared == null) {
            try {
                EmbeddedKafka kafka = EmbeddedKafka.start(Files.createTempDirectory("attache-test-kafka"));
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-broker-shutdown"));
                shared = new EmbeddedTestBroker(kafka);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String name() {
        return "embedded KRaft broker";
    }
}
