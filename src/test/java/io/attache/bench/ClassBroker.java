package io.attache.bench;

import io.attache.broker.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A broker of a test class's own, started before its first test and closed after its last:
 * {@code @RegisterExtension static final ClassBroker broker = new ClassBroker();}.
 */
final class ClassBroker implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private EmbeddedKafka broker;
    private TestCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("attache-class-broker");
        broker = EmbeddedKafka.start(dir);
        cluster = new TestCluster(broker);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
        if (dir != null) {
            PipelineBench.deleteRecursively(dir);
        }
    }

    /** The test's view of the broker. */
    TestCluster cluster() {
        return cluster;
    }
}
