package io.attache.pipeline;

import io.attache.testing.EmbeddedTestBroker;
import io.attache.testing.TestBroker;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Pipeline on the embedded KRaft broker")
class EmbeddedPipelineTest extends PipelineContract {

    @Override
    TestBroker broker() {
        return EmbeddedTestBroker.shared();
    }
}
