package io.attache.serve;

import io.attache.config.AttacheConfig;
import io.attache.pipeline.AttacheApp;
import io.attache.pipeline.EventPipeline;
import io.attache.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving for one attache instance: metrics, the alert feed, interactive queries and the HTTP
 * server, started around an {@link AttacheApp} (before or after the app itself starts: until it
 * runs, the API answers 503). The app closes the server before Kafka Streams, on SIGTERM too.
 */
public final class AttacheServer implements AutoCloseable {

    /** Alerts kept for replay to (re)connecting clients. */
    static final int ALERTS_KEPT = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(AttacheServer.class);

    private final ServeMetrics metrics;
    private final AlertFeed alerts;
    private final ApiServer api;
    private final StorePartitions partitions;
    private boolean closed;

    private AttacheServer(ServeMetrics metrics, AlertFeed alerts, ApiServer api, StorePartitions partitions) {
        this.partitions = partitions;
        this.metrics = metrics;
        this.alerts = alerts;
        this.api = api;
    }

    /** Starts serving on {@code config.httpPort()} (0: any free port) on every interface. */
    public static AttacheServer start(AttacheApp app, AttacheConfig config) {
        ServeMetrics metrics = new ServeMetrics(app.streams());
        Map<String, Object> clientProps = new HashMap<>(config.kafka());
        clientProps.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        AlertFeed alerts = new AlertFeed(new Topics(config.topicPrefix()).name(Topics.ALERTS), clientProps, ALERTS_KEPT);
        ApiServer api;
        StorePartitions partitions = null;
        try {
            alerts.start(metrics.registry());
            HostInfo self = config.applicationServer().isBlank() ? null : HostInfo.buildFromEndpoint(config.applicationServer());
            partitions = new StorePartitions(clientProps, config.applicationId(),
                    EventPipeline.storeSourceTopics(new Topics(config.topicPrefix())));
            StoreQueries queries = new StoreQueries(app.streams(), self, config.apiToken(), partitions);
            api = new ApiServer(app.streams(), queries, alerts, metrics.registry(), config.apiToken())
                    .start("0.0.0.0", config.httpPort());
        } catch (RuntimeException e) {
            if (partitions != null) {
                partitions.close();
            }
            closeQuietly(alerts);
            metrics.close();
            throw e;
        }
        AttacheServer server = new AttacheServer(metrics, alerts, api, partitions);
        app.closeFirst(server);
        LOG.info("serving on port {}", api.port());
        return server;
    }

    public int port() {
        return api.port();
    }

    /** The live alerts this instance serves, for the demo's console. */
    public AlertFeed alerts() {
        return alerts;
    }

    /** The dashboard's address on this machine. */
    public String dashboardUrl() {
        return "http://localhost:" + port() + "/";
    }

    /** Stops HTTP first (no request reaches a half-closed instance), then the feed and metrics; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        int port = api.port();
        api.close();
        LOG.info("HTTP server on port {} stopped", port);
        partitions.close();
        closeQuietly(alerts);
        metrics.close();
    }

    private static void closeQuietly(AlertFeed alerts) {
        try {
            alerts.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
