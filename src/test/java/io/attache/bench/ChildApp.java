package io.attache.bench;

import io.attache.config.AttacheConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code attache run} in a child JVM, its output going to a log file. */
final class ChildApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final Path log;

    private ChildApp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildApp start(AttacheConfig config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.attache.cli.AttacheCli", "run",
                "--bootstrap-servers", config.bootstrapServers(), "--application-id", config.applicationId(),
                "--topic-prefix", config.topicPrefix(), "--state-dir", config.stateDir().toString(), "--no-apply",
                "--http-port", "0");
        // A killed member is not there to leave the group; a short session lets its successor in sooner.
        pb.environment().put("ATTACHE_KAFKA_SESSION_TIMEOUT_MS", "6000");
        pb.environment().put("ATTACHE_KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ChildApp(pb.start(), log);
    }

    void awaitRunning() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.readString(log).contains("attache running against")) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + "; log " + log + ":\n"
                        + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app is not running after " + START_TIMEOUT + "; log:\n" + tail());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
