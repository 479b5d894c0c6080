package io.attache.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.attache.testing.ContainerTestBroker;
import io.attache.testing.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Pipeline on the official apache/kafka image (Testcontainers)")
class ContainerPipelineTest extends PipelineContract {

    private static ContainerTestBroker broker;

    @AfterAll
    static void stopContainer() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    TestBroker broker() {
        assumeTrue(ContainerTestBroker.dockerAvailable(),
                "skipped: no Docker engine here, so the " + ContainerTestBroker.IMAGE + " backend cannot run "
                        + "(the same test body runs on the embedded broker in EmbeddedPipelineTest)");
        if (broker == null) {
            broker = ContainerTestBroker.start();
        }
        return broker;
    }
}
