package io.attache.testing;

/** A Kafka broker a test runs against; the same test body runs on each backend. */
public interface TestBroker {

    String bootstrapServers();

    /** Shown in test names and skip messages. */
    String name();
}
