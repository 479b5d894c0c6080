package io.attache.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code attache bench ...}: throughput and latency benchmarks of the product's hot paths. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchExtractCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
