package io.attache.cli;

import io.attache.broker.EmbeddedKafka;
import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.pipeline.AttacheApp;
import io.attache.serve.AttacheServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attache demo}: the whole pipeline on one machine. Starts the embedded broker unless a
 * cluster is given, applies the topics, starts the app, optionally publishes a corpus, waits until
 * it is processed and exports the output topics.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on an embedded Kafka broker (or --bootstrap-servers), optionally "
                + "feeding it a corpus and exporting the results.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (stopped, or idle and exported with --exit-when-idle)", "1:failure at run time",
            "2:bad usage", "4:--exit-when-idle: not idle within --idle-timeout"})
public final class DemoCommand implements Callable<Integer> {

    static final int NOT_IDLE = 4;

    @Mixin
    ConfigOptions options;

    @Option(names = "--corpus", paramLabel = "FILE.jsonl",
            description = "Publish this file's articles (one JSON article a line) to articles.raw")
    Path corpus;

    @Option(names = "--exit-when-idle", description = "Exit 0 once everything published is processed")
    boolean exitWhenIdle;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Longest wait for --exit-when-idle (default ${DEFAULT-VALUE})")
    long idleTimeoutSeconds;

    @Option(names = "--export", paramLabel = "DIR",
            description = "When idle, write each output topic's content to DIR/<topic>.jsonl (implies --exit-when-idle)")
    Path export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AttacheConfig given = options.resolve();
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedKafka broker = given.embedded() ? EmbeddedKafka.start(given.dataDir()) : null;
        try {
            AttacheConfig config = broker == null ? given : given.withBootstrapServers(broker.bootstrapServers());
            out.println("kafka: " + config.bootstrapServers());
            RunCommand.applyTopics(config, out);
            try (AttacheApp app = new AttacheApp(config, Extractors.standard());
                    AttacheServer server = AttacheServer.start(app, config)) {
                app.start(RunCommand.START_TIMEOUT);
                out.println("dashboard: " + server.dashboardUrl());
                if (corpus != null) {
                    out.println("published " + CorpusPublisher.publish(config, corpus) + " records from " + corpus);
                }
                if (!exitWhenIdle && export == null) {
                    out.println("attache demo running; stop with Ctrl-C");
                    out.flush();
                    return app.awaitStop() == KafkaStreams.State.ERROR ? 1 : 0;
                }
                out.flush();
                if (!IdleWatch.await(config, Duration.ofSeconds(idleTimeoutSeconds))) {
                    spec.commandLine().getErr().println("not idle within " + idleTimeoutSeconds + " s");
                    return NOT_IDLE;
                }
                out.println("idle: everything published is processed");
                if (export != null) {
                    TopicExport.export(config, export)
                            .forEach((file, lines) -> out.println("exported " + export.resolve(file) + " (" + lines + " lines)"));
                }
                return 0;
            }
        } finally {
            out.flush();
            if (broker != null) {
                broker.close();
            }
        }
    }
}
