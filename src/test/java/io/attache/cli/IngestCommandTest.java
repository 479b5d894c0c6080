package io.attache.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AttacheCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    @DisplayName("without a Kafka cluster named, ingest refuses with a clear message and usage exit code 2")
    void needsBootstrapServers() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Title\nBody.");
        assertThat(run("ingest", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("needs a Kafka cluster", "--bootstrap-servers", "attache demo");
    }

    @Test
    @DisplayName("ingest without input or feed is a usage error")
    void needsInput() {
        assertThat(run("ingest", "--bootstrap-servers", "localhost:9")).isEqualTo(2);
        assertThat(err.toString()).contains("name at least one INPUT");
    }

    @Test
    @DisplayName("a dry run validates everything, counts duplicates by id and exits 3 naming each rejection")
    void dryRun() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"same\",\"text\":\"One.\"}\n{\"id\":\"same\",\"text\":\"Again.\"}\n"
                + "{\"id\":\"other\",\"text\":\"Two.\"}\n[1,2]\n");
        Files.writeString(dir.resolve("b.txt"), "Headline\nA body line.");
        Files.writeString(dir.resolve("notes.md"), "not an article format");

        assertThat(run("ingest", "--dry-run", dir.toString())).isEqualTo(IngestCommand.REJECTED);

        assertThat(out.toString().strip())
                .isEqualTo("ingest: read 5, valid 3, skipped 1 duplicates, rejected 1 (INVALID_JSON 1)");
        assertThat(err.toString()).contains("rejected " + dir.resolve("a.jsonl") + ":4: INVALID_JSON")
                .contains("skipped 1 files");
    }

    @Test
    @DisplayName("--fail-fast stops at the first rejected input")
    void failFast() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"One.\"}\n{broken\n{\"text\":\"Three.\"}\n");
        assertThat(run("ingest", "--dry-run", "--fail-fast", dir.resolve("a.jsonl").toString())).isEqualTo(3);
        assertThat(out.toString().strip()).isEqualTo("ingest: read 2, valid 1, skipped 0 duplicates, rejected 1 (INVALID_JSON 1)");
    }

    @Test
    @DisplayName("clean input exits 0")
    void clean() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), "{\"text\":\"One.\"}\n");
        assertThat(run("ingest", "--dry-run", dir.toString())).isZero();
        assertThat(out.toString()).contains("read 1, valid 1");
    }
}
