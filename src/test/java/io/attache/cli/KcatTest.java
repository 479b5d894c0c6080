package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.attache.testing.EmbeddedTestBroker;
import io.attache.topics.TopicAdmin;
import io.attache.topics.TopicDeclarations;
import io.attache.topics.Topics;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** kcat (librdkafka, a non-Java client) against the embedded broker. */
class KcatTest {

    private static final String PREFIX = "kcat.";
    private String bootstrap;

    @BeforeEach
    void needsKcat() {
        assumeTrue(onPath("kcat"), "skipped: kcat is not on PATH (install it with `apt-get install kcat`; .ci/run does)");
        bootstrap = EmbeddedTestBroker.shared().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicAdmin(admin, new Topics(PREFIX)).apply();
        }
    }

    @Test
    @DisplayName("kcat -L lists every declared topic, and kcat produces a record that kcat consumes back")
    void produceAndConsume() throws Exception {
        String metadata = kcat(null, "-L");
        for (var spec : TopicDeclarations.all()) {
            assertThat(metadata).contains("topic \"" + PREFIX + spec.name() + "\"");
        }

        String topic = PREFIX + "articles.raw";
        kcat("k1:{\"text\":\"A minister flew to Zenda.\"}\n", "-P", "-t", topic, "-p", "0", "-K", ":");
        String consumed = kcat(null, "-C", "-t", topic, "-p", "0", "-o", "beginning", "-c", "1", "-e", "-f", "%k|%s\\n");

        assertThat(consumed.strip()).isEqualTo("k1|{\"text\":\"A minister flew to Zenda.\"}");
    }

    private String kcat(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", bootstrap, "-m", "20"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("kcat", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kcat " + String.join(" ", args) + " did not finish within 60 s");
        }
        String output = Files.readString(out);
        Files.delete(out);
        assertThat(p.exitValue()).as("kcat %s exit code; output:%n%s", String.join(" ", args), output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
