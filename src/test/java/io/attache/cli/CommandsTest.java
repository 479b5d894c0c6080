package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.testing.EmbeddedTestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {

    /** Runs the CLI in process; returns the exit code and what it printed. */
    record Run(int code, String out, String err) {
    }

    static Run attache(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = AttacheCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("Every command and subcommand answers --help with exit 0 and names its exit codes")
    void helpEverywhere() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("run"), List.of("demo"), List.of("topics"),
                List.of("topics", "apply"), List.of("topics", "check"), List.of("topics", "list"))) {
            String[] args = Stream.concat(command.stream(), Stream.of("--help"))
                    .toArray(String[]::new);
            Run r = attache(args);
            assertThat(r.code()).as("exit of %s --help", command).isZero();
            assertThat(r.out()).as("help of %s", command).contains("Usage: attache");
        }
        assertThat(attache("topics", "--help").out()).contains("3", "drifted");
        assertThat(attache("run", "--help").out()).contains("--bootstrap-servers", "--no-apply");
        assertThat(attache("demo", "--help").out()).contains("--corpus", "--exit-when-idle", "--export");
    }

    @Test
    @DisplayName("run and topics refuse to start without a cluster (exit 2) and an unknown flag is bad usage (exit 2)")
    void needsCluster() {
        Run run = attache("run");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--bootstrap-servers");
        assertThat(attache("topics", "check").code()).isEqualTo(2);
        assertThat(attache("demo", "--no-such-flag").code()).isEqualTo(2);
    }

    @Test
    @DisplayName("topics check exits 3 while topics are missing or drifted and 0 once apply has created them")
    void checkExitCodes() throws Exception {
        String servers = EmbeddedTestBroker.shared().bootstrapServers();
        Run missing = attache("topics", "check", "--bootstrap-servers", servers, "--topic-prefix", "cli1.");
        assertThat(missing.code()).isEqualTo(TopicsCommand.DRIFT);
        assertThat(missing.out()).contains("drift: cli1.articles.raw: existence declared present, cluster has missing");

        Run apply = attache("topics", "apply", "--bootstrap-servers", servers, "--topic-prefix", "cli1.");
        assertThat(apply.code()).isZero();
        assertThat(apply.out()).contains("created cli1.articles.raw", "8 created, 0 drifted", "note: ");

        assertThat(attache("topics", "check", "--bootstrap-servers", servers, "--topic-prefix", "cli1.").code()).isZero();
        Run list = attache("topics", "list", "--bootstrap-servers", servers, "--topic-prefix", "cli1.");
        assertThat(list.out()).containsPattern("cli1\\.events\\.canonical\\s+compact\\s+6 partitions");

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic("cli2.alerts", 1, (short) 1))).all().get();
        }
        attache("topics", "apply", "--bootstrap-servers", servers, "--topic-prefix", "cli2.");
        Run drifted = attache("topics", "check", "--bootstrap-servers", servers, "--topic-prefix", "cli2.");
        assertThat(drifted.code()).isEqualTo(TopicsCommand.DRIFT);
        assertThat(drifted.out()).contains("drift: cli2.alerts: partitions declared 3, cluster has 1");
    }
}
