package io.attache.cli;

import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.extract.RuleExtractor;
import io.attache.pipeline.AttacheApp;
import io.attache.serve.AttacheServer;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attache run}: the pipeline against an existing cluster, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline against a Kafka cluster (--bootstrap-servers required) until stopped.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped cleanly (SIGTERM, Ctrl-C)", "1:failure (could not start, or Kafka Streams failed)",
            "2:bad usage (e.g. no --bootstrap-servers)"})
public final class RunCommand implements Callable<Integer> {

    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @Mixin
    ConfigOptions options;

    @Option(names = "--no-apply", description = "Do not create missing topics first (a managed cluster's topics "
            + "are created by its owners); the app then fails if one is missing.")
    boolean noApply;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AttacheConfig config = options.resolve();
        if (config.embedded()) {
            spec.commandLine().getErr().println("run needs a cluster: give --bootstrap-servers "
                    + "(or ATTACHE_BOOTSTRAP_SERVERS); `attache demo` starts an embedded one");
            return 2;
        }
        if (!noApply) {
            applyTopics(config, spec.commandLine().getOut());
        }
        KbPublisher.publishIfEmpty(config, spec.commandLine().getOut());
        try (AttacheApp app = new AttacheApp(config, RuleExtractor.standard());
                AttacheServer server = AttacheServer.start(app, config)) {
            app.start(START_TIMEOUT);
            spec.commandLine().getOut().println("attache running against " + config.bootstrapServers()
                    + "; HTTP on port " + server.port());
            spec.commandLine().getOut().flush();
            return app.awaitStop() == KafkaStreams.State.ERROR ? 1 : 0;
        }
    }

    /** Creates missing topics and prints what was done and any drift. */
    static void applyTopics(AttacheConfig config, PrintWriter out) {
        try (Admin admin = Clients.admin(config)) {
            TopicAdmin.Report report = new TopicAdmin(admin, new Topics(config.topicPrefix())).apply();
            out.println("topics: " + report.created().size() + " created, " + report.drift().size() + " drifted");
            report.notes().forEach(n -> out.println("note: " + n));
            report.drift().forEach(d -> out.println("drift: " + d));
            out.flush();
        }
    }
}
