package io.attache.cli;

import io.attache.topics.StrimziTopics;
import io.attache.topics.TopicDeclarations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code attache topics render}: writes the declared topics as resources of a topic manager, so a
 * cluster that is not managed by {@code topics apply} gets the same topics. Needs no broker.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render topics/topics.yaml as resources of a topic manager (Strimzi KafkaTopic YAML)")
public final class TopicsRenderCommand implements Callable<Integer> {

    /** The topic managers there is a rendering for. */
    public enum Format { strimzi }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "Output format: ${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--prefix", defaultValue = "", description = "Prefix put before every topic name (default none)")
    String prefix;

    @Option(names = "--cluster", defaultValue = "attache", description = "Name of the Strimzi Kafka resource (default attache)")
    String cluster;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        String yaml = StrimziTopics.render(TopicDeclarations.all(), prefix, cluster, commandLine());
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
        }
        return 0;
    }

    /** The command as it would be typed again, without the output file, for the generated header. */
    private String commandLine() {
        StringBuilder s = new StringBuilder("attache topics render --format ").append(format);
        if (!prefix.isEmpty()) {
            s.append(" --prefix ").append(prefix);
        }
        return s.append(" --cluster ").append(cluster).toString();
    }
}
