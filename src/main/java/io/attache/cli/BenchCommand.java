package io.attache.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code attache bench ...}: throughput, latency and resource benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure attache: throughput, latency and resources.",
        subcommands = {BenchExtractCommand.class, BenchPipelineCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
