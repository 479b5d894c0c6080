package io.attache.cli;

import io.attache.config.AttacheConfig;
import io.attache.config.ConfigOptions;
import io.attache.extract.kb.KbLoader;
import io.attache.extract.kb.Person;
import io.attache.extract.kb.PersonCheck;
import io.attache.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attache kb publish|put|remove}: the knowledge base on the compacted reference.leaders topic. */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Publish the bundled knowledge base, or edits of it, to reference.leaders; a running pipeline "
                + "applies them without a restart.",
        subcommands = {KbCommand.Publish.class, KbCommand.Put.class, KbCommand.Remove.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:failure at run time (e.g. the topic does not exist)",
            "2:bad usage, or a line of FILE is not a valid person (named by file and line)"})
public final class KbCommand {

    abstract static class Base implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            AttacheConfig config = options.resolve();
            if (config.embedded()) {
                spec.commandLine().getErr().println("kb needs a cluster: give --bootstrap-servers "
                        + "(or ATTACHE_BOOTSTRAP_SERVERS)");
                return 2;
            }
            return run(config, spec.commandLine().getOut());
        }

        abstract int run(AttacheConfig config, PrintWriter out) throws IOException;
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Write every person of the bundled knowledge base whose value on the topic differs.")
    static final class Publish extends Base {
        @Override
        int run(AttacheConfig config, PrintWriter out) {
            KbPublisher.Result r = KbPublisher.publish(config, KbLoader.standard().people());
            out.println("kb publish: " + r.written() + " written, " + r.unchanged() + " unchanged");
            return 0;
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Add or replace the people of FILE (JSON Lines, the format of topics/reference/people).")
    static final class Put extends Base {
        @Parameters(paramLabel = "FILE.jsonl", description = "One person a line")
        Path file;

        @Override
        int run(AttacheConfig config, PrintWriter out) throws IOException {
            List<Person> people = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 1; n <= lines.size(); n++) {
                String line = lines.get(n - 1);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Person p = Json.MAPPER.readValue(line, Person.class);
                    List<String> problems = PersonCheck.problems(p);
                    if (problems.isEmpty()) {
                        people.add(p);
                    } else {
                        errors.add(file + ":" + n + ": " + String.join("; ", problems));
                    }
                } catch (IOException e) {
                    errors.add(file + ":" + n + ": not a person: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            if (!errors.isEmpty()) {
                errors.forEach(spec.commandLine().getErr()::println);
                spec.commandLine().getErr().println("nothing published");
                return 2;
            }
            // An edit onto an empty topic would otherwise leave it holding the edit alone, and `run` would
            // then see a non-empty topic and not publish the rest.
            KbPublisher.publishIfEmpty(config, out);
            KbPublisher.Result r = KbPublisher.publish(config, people);
            out.println("kb put: " + r.written() + " written, " + r.unchanged() + " unchanged");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Write a tombstone for each ID: a running pipeline forgets the person. A person of the "
                    + "bundled knowledge base returns at the next start; to retire someone, end their role with `put`.")
    static final class Remove extends Base {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Person ids")
        List<String> ids;

        @Override
        int run(AttacheConfig config, PrintWriter out) {
            out.println("kb remove: " + KbPublisher.remove(config, ids) + " tombstones written");
            return 0;
        }
    }
}
