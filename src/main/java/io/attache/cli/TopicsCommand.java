package io.attache.cli;

import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.topics.TopicAdmin;
import io.attache.topics.Topics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code attache topics apply|check|list}: the cluster's topics against topics/topics.yaml. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create, check or list the declared topics (topics/topics.yaml) on a cluster.",
        subcommands = {TopicsCommand.Apply.class, TopicsCommand.Check.class, TopicsCommand.ListTopics.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done; for check: every declared topic exists as declared", "1:failure at run time",
            "2:bad usage (e.g. no --bootstrap-servers)", "3:check only: a topic is missing or has drifted"})
public final class TopicsCommand {

    /** Exit code of {@code check} when the cluster differs from the declarations. */
    public static final int DRIFT = 3;

    abstract static class Base implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AttacheConfig config = options.resolve();
            PrintWriter out = spec.commandLine().getOut();
            if (config.embedded()) {
                spec.commandLine().getErr().println("topics needs a cluster: give --bootstrap-servers "
                        + "(or ATTACHE_BOOTSTRAP_SERVERS)");
                return 2;
            }
            try (Admin admin = Clients.admin(config)) {
                return run(new TopicAdmin(admin, new Topics(config.topicPrefix())), out);
            }
        }

        abstract int run(TopicAdmin topics, PrintWriter out);

        static void print(TopicAdmin.Report report, PrintWriter out) {
            report.created().forEach(t -> out.println("created " + t));
            report.notes().forEach(n -> out.println("note: " + n));
            report.drift().forEach(d -> out.println("drift: " + d));
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create missing topics; report drift of existing ones (nothing is deleted or altered).")
    static final class Apply extends Base {
        @Override
        int run(TopicAdmin topics, PrintWriter out) {
            TopicAdmin.Report report = topics.apply();
            print(report, out);
            out.println(report.created().size() + " created, " + report.drift().size() + " drifted");
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Report missing and drifted topics; exit 3 if there are any.")
    static final class Check extends Base {
        @Override
        int run(TopicAdmin topics, PrintWriter out) {
            TopicAdmin.Report report = topics.check();
            print(report, out);
            out.println(report.inStep() ? "topics in step with declarations" : report.drift().size() + " drifted");
            return report.inStep() ? 0 : DRIFT;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the declared topics with their partitions on the cluster.")
    static final class ListTopics extends Base {
        @Override
        int run(TopicAdmin topics, PrintWriter out) {
            for (TopicAdmin.Status s : topics.list()) {
                out.printf("%-28s %-8s %s partitions (declared %d)  %s%n", s.name(), s.spec().cleanupPolicy(),
                        s.exists() ? Integer.toString(s.partitions()) : "missing,", s.spec().partitions(),
                        s.spec().description());
            }
            return 0;
        }
    }
}
