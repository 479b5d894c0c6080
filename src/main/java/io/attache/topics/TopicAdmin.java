package io.attache.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Brings a cluster in line with {@link TopicDeclarations}: creates missing topics (idempotently) and
 * reports drift of existing ones without touching their data. On a cluster with fewer brokers than a
 * declaration's replication factor, replication and {@code min.insync.replicas} are capped at the
 * broker count, and the report says so.
 */
public final class TopicAdmin {

    /** One difference between a declared topic and the cluster. */
    public record Drift(String topic, String property, String declared, String actual) {
        @Override
        public String toString() {
            return topic + ": " + property + " declared " + declared + ", cluster has " + actual;
        }
    }

    /** What {@link #apply} or {@link #check} found and did. */
    public record Report(List<String> created, List<String> notes, List<Drift> drift) {
        public boolean inStep() {
            return drift.isEmpty();
        }
    }

    /** One declared topic as it is on the cluster (partitions -1 when missing). */
    public record Status(String name, TopicSpec spec, int partitions) {
        public boolean exists() {
            return partitions >= 0;
        }
    }

    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final Topics topics;

    public TopicAdmin(Admin admin, Topics topics) {
        this.admin = admin;
        this.topics = topics;
    }

    /** Creates every missing declared topic, then reports drift of the others. */
    public Report apply() {
        return run(true);
    }

    /** Reports missing topics and drift; changes nothing. */
    public Report check() {
        return run(false);
    }

    public List<Status> list() {
        Map<String, TopicDescription> existing = describe(declaredNames());
        return TopicDeclarations.all().stream().map(spec -> {
            TopicDescription d = existing.get(topics.name(spec.name()));
            return new Status(topics.name(spec.name()), spec, d == null ? -1 : d.partitions().size());
        }).toList();
    }

    private Report run(boolean create) {
        int brokers = get(admin.describeCluster().nodes()).size();
        List<String> created = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Drift> drift = new ArrayList<>();
        Map<String, TopicDescription> existing = describe(declaredNames());
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec spec : TopicDeclarations.all()) {
            String name = topics.name(spec.name());
            short replicas = (short) Math.min(spec.replicationFactor(), brokers);
            if (replicas < spec.replicationFactor()) {
                notes.add(name + ": replication factor " + replicas + " and min.insync.replicas "
                        + Math.min(spec.minInsyncReplicas(), replicas) + " instead of the declared "
                        + spec.replicationFactor() + "/" + spec.minInsyncReplicas() + ": the cluster has "
                        + brokers + " broker(s)");
            }
            if (!existing.containsKey(name)) {
                if (create) {
                    missing.add(new NewTopic(name, spec.partitions(), replicas).configs(configs(spec, replicas)));
                } else {
                    drift.add(new Drift(name, "existence", "present", "missing"));
                }
            }
        }
        for (NewTopic t : missing) {
            try {
                get(admin.createTopics(List.of(t)).all());
                created.add(t.name());
            } catch (TopicExistsException raced) {
                existing.putAll(describe(Set.of(t.name())));
            }
        }
        awaitVisible(created);
        Map<ConfigResource, Config> actualConfigs = existing.isEmpty() ? Map.of()
                : get(admin.describeConfigs(existing.keySet().stream()
                        .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all());
        for (TopicSpec spec : TopicDeclarations.all()) {
            String name = topics.name(spec.name());
            TopicDescription d = existing.get(name);
            if (d == null) {
                continue;
            }
            if (d.partitions().size() < spec.partitions()) {
                drift.add(new Drift(name, "partitions", Integer.toString(spec.partitions()),
                        Integer.toString(d.partitions().size())));
            }
            Config actual = actualConfigs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            short replicas = (short) Math.min(spec.replicationFactor(), brokers);
            configs(spec, replicas).forEach((key, declared) -> {
                ConfigEntry e = actual.get(key);
                String value = e == null ? null : e.value();
                if (!declared.equals(value)) {
                    drift.add(new Drift(name, key, declared, String.valueOf(value)));
                }
            });
        }
        return new Report(created, notes, drift);
    }

    /**
     * Waits until every broker's metadata shows the new topics with a leader on each partition, so
     * that a client started right after {@code apply} finds them.
     */
    private void awaitVisible(List<String> created) {
        long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        while (!created.isEmpty()) {
            try {
                Map<String, TopicDescription> d = get(admin.describeTopics(created).allTopicNames());
                if (d.values().stream().allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null))) {
                    return;
                }
            } catch (UnknownTopicOrPartitionException notYet) {
                // metadata not propagated yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("created topics not visible after " + VISIBLE_TIMEOUT.toSeconds() + " s: "
                        + created);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for new topics", e);
            }
        }
    }

    private static Map<String, String> configs(TopicSpec spec, short replicas) {
        Map<String, String> c = spec.configs();
        c.put("min.insync.replicas", Integer.toString(Math.min(spec.minInsyncReplicas(), replicas)));
        return c;
    }

    private Set<String> declaredNames() {
        return TopicDeclarations.all().stream().map(s -> topics.name(s.name())).collect(Collectors.toSet());
    }

    private Map<String, TopicDescription> describe(Collection<String> names) {
        Set<String> present = get(admin.listTopics().names());
        List<String> wanted = names.stream().filter(present::contains).toList();
        if (wanted.isEmpty()) {
            return new HashMap<>();
        }
        return new HashMap<>(get(admin.describeTopics(wanted).allTopicNames()));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the cluster", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
