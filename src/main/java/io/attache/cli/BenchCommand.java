package io.attache.cli;

import picocli.CommandLine.Command;

/** {@code attache bench}: the benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure attache: throughput, latency and resources.",
        subcommands = {BenchPipelineCommand.class})
public final class BenchCommand {
}
