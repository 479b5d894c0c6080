package io.attache.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Samples the heap in use every 50 ms on a daemon thread, keeping the maximum; keeps the largest
 * heap left in use after a garbage collection (what the process holds, not what the collector has
 * yet to reclaim: the first figure stays under -Xmx by construction); and reads CPU time:
 * of the whole process and of the threads whose names carry an application id (a Kafka Streams
 * instance's stream threads and their clients).
 */
final class ResourceSampler implements AutoCloseable {

    private static final long PERIOD_MS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long maxUsed;
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private volatile boolean running = true;

    ResourceSampler() {
        thread = new Thread(this::sample, "bench-resource-sampler");
        thread.setDaemon(true);
        thread.start();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                        long after = info.getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                        maxAfterGc.accumulateAndGet(after, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    /** The largest heap in use right after a collection, 0 when none ran. */
    long maxHeapAfterGcBytes() {
        return maxAfterGc.get();
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
        unsubscribe.forEach(Runnable::run);
        running = false;
        thread.interrupt();
    }
}
