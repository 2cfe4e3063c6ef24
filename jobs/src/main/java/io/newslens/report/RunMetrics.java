package io.newslens.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.executor.TaskMetrics;

/**
 * What the benchmark and the manifest report per stage besides time: shuffle bytes (summed over finished tasks
 * by a Spark listener), the driver JVM's peak heap (sampled every 200 ms; garbage included) and its peak heap
 * right after a garbage collection (what the collector could not free: the measure of what the driver holds).
 * In local mode the executors run in the driver's JVM, so both heap figures include their work.
 */
public final class RunMetrics extends SparkListener implements AutoCloseable {
    private final AtomicLong shuffleWrite = new AtomicLong();
    private final AtomicLong shuffleRead = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final Thread sampler;
    private final java.util.Map<javax.management.NotificationEmitter, javax.management.NotificationListener> gcListeners =
            new java.util.HashMap<>();

    public RunMetrics() {
        sampler = new Thread(() -> {
            while (true) {
                samplePeak();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "newslens-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                javax.management.NotificationListener listener = (n, handback) -> {
                    if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        long used = 0;
                        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(e.getKey())) {
                                used += e.getValue().getUsed();
                            }
                        }
                        peakAfterGc.accumulateAndGet(used, Math::max);
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                gcListeners.put(emitter, listener);
            }
        }
    }

    private void samplePeak() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peakHeap.accumulateAndGet(used, Math::max);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics m = taskEnd.taskMetrics();
        if (m != null) {
            shuffleWrite.addAndGet(m.shuffleWriteMetrics().bytesWritten());
            shuffleRead.addAndGet(m.shuffleReadMetrics().totalBytesRead());
        }
    }

    /** Stops the heap sampler. */
    @Override
    public void close() {
        sampler.interrupt();
        gcListeners.forEach((emitter, listener) -> {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone
            }
        });
    }

    /** Cumulative shuffle bytes written and read so far. */
    public long[] shuffleBytes() {
        return new long[] {shuffleWrite.get(), shuffleRead.get()};
    }

    /** Peak heap in use right after a collection since the last call, in bytes; -1 when none ran. */
    public long takePeakHeapAfterGc() {
        return peakAfterGc.getAndSet(-1);
    }

    /** Peak heap used since the last reset, in bytes; resets the peak to the current use. */
    public long takePeakHeap() {
        samplePeak();
        return peakHeap.getAndSet(memory.getHeapMemoryUsage().getUsed());
    }
}
