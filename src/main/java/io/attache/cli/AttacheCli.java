package io.attache.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code attache} command line. Exit codes: 0 success, 1 failure at run time, 2 bad usage;
 * commands that judge something (eval, topics check) document their own non-zero codes.
 */
@Command(name = "attache",
        mixinStandardHelpOptions = true,
        versionProvider = AttacheCli.Version.class,
        description = "Tracks what national leaders do abroad, live from world news, on Kafka Streams.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class, RunCommand.class, TopicsCommand.class, BenchCommand.class
        })
public final class AttacheCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new AttacheCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AttacheCli.class.getPackage().getImplementationVersion();
            return new String[] {"attache " + (v == null ? "dev" : v)};
        }
    }
}
