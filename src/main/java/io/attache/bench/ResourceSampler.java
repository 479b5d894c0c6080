package io.attache.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Samples the heap in use every 50 ms on a daemon thread, keeping the maximum, and reads CPU time:
 * of the whole process and of the threads whose names carry an application id (a Kafka Streams
 * instance's stream threads and their clients).
 */
final class ResourceSampler implements AutoCloseable {

    private static final long PERIOD_MS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long maxUsed;
    private volatile boolean running = true;

    ResourceSampler() {
        thread = new Thread(this::sample, "bench-resource-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long maxHeapBytes() {
        return Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
    }

    /** CPU time of this process so far, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time so far of the live threads whose name contains {@code marker}, in nanoseconds. */
    static long threadCpuNanos(String marker) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(marker)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
