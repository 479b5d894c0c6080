package io.attache.pipeline;

import io.attache.config.AttacheConfig;
import io.attache.extract.Extractor;
import java.time.Duration;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one attache Kafka Streams instance: start, wait until it runs, replace a stream
 * thread that dies of an unexpected exception, and close cleanly, also on SIGTERM.
 */
public final class AttacheApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AttacheApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final CompletableFuture<KafkaStreams.State> stopped = new CompletableFuture<>();
    private final Thread shutdownHook = new Thread(this::closeStreams, "attache-shutdown");
    private final Deque<AutoCloseable> closeFirst = new ConcurrentLinkedDeque<>();

    public AttacheApp(AttacheConfig config, Extractor extractor) {
        Properties props = StreamsSettings.of(config);
        streams = new KafkaStreams(AttacheTopology.build(config, extractor, props), props);
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(null);
            } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                running.completeExceptionally(new IllegalStateException("Kafka Streams went to " + now));
                stopped.complete(now);
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread died; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Starts processing and returns once the instance is RUNNING; fails if it is not within {@code timeout}. */
    public AttacheApp start(Duration timeout) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        streams.start();
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka Streams is not RUNNING after " + timeout.toSeconds()
                    + " s (state " + streams.state() + ")", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        return this;
    }

    /** The running instance, for interactive queries of its stores and for metadata. */
    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Registers something to close before Kafka Streams, on {@link #close()} and on SIGTERM alike, last
     * registered first: the HTTP server, so that no request reaches a closing instance.
     */
    public void closeFirst(AutoCloseable resource) {
        closeFirst.push(resource);
    }

    /** Blocks until the instance stops (closed, by SIGTERM or in error); returns the final state. */
    public KafkaStreams.State awaitStop() throws InterruptedException {
        try {
            return stopped.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNeverStarted) {
            // the hook itself is closing the instance, or start() was never called
        }
        closeStreams();
    }

    private void closeStreams() {
        for (AutoCloseable r = closeFirst.poll(); r != null; r = closeFirst.poll()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {} before Kafka Streams failed", r, e);
            }
        }
        // Leave the group: without static membership a restarted instance would otherwise wait out the
        // old member's session timeout before it gets its partitions back.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        stopped.complete(streams.state());
    }
}
