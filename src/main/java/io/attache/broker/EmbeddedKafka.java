package io.attache.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM
 * on free loopback ports, built from Kafka's own server classes. Its log and metadata live under the
 * given directory, formatted on first use and reused on later starts, so a demo keeps its topics
 * across restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final int MAX_START_ATTEMPTS = 2;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats {@code dataDir} if it is new, starts the broker and returns once it accepts clients. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, freePort());
    }

    /**
     * As {@link #start(Path)} on a given client port: a broker restarted on its old data directory and
     * port is, to its clients, the same broker back from an outage.
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort) {
        long t0 = System.nanoTime();
        Path logDir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create broker data directory " + logDir, e);
        }
        format(logDir);
        KafkaRaftServer server = startup(logDir, brokerPort);
        String bootstrap = HOST + ":" + brokerPort;
        LOG.info("embedded Kafka broker started in {} ms at {} (data in {})",
                (System.nanoTime() - t0) / 1_000_000, bootstrap, logDir);
        return new EmbeddedKafka(server, bootstrap);
    }

    /**
     * Starts the server, a second time on a fresh controller port if the first start fails: on a
     * starved machine the broker can give up registering with its own controller (seen once in CI,
     * the controller's activation took 79 s), and a second try is what an operator would do.
     */
    private static KafkaRaftServer startup(Path logDir, int brokerPort) {
        for (int attempt = 1; ; attempt++) {
            KafkaConfig config = KafkaConfig.fromProps(properties(logDir, brokerPort, freePort()), false);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
                return server;
            } catch (RuntimeException e) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException alreadyDown) {
                    LOG.debug("broker shut down after its failed start: {}", alreadyDown.toString());
                }
                if (attempt == MAX_START_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("embedded Kafka broker did not start ({}); starting it again", e.getMessage());
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, and few partitions keep start-up quick on small machines.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from `topics apply`, as on a managed cluster; a typo must not create a topic.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format broker storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
