package io.attache.cli;

import picocli.CommandLine.Command;

/** {@code attache topics}: the commands that create, check and render the declared topics. */
@Command(name = "topics",
        description = "Manage the topics declared in topics/topics.yaml",
        subcommands = {TopicsRenderCommand.class})
public final class TopicsCommand {
}
