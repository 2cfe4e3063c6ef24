package io.newslens.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.executor.TaskMetrics;

/**
 * What the benchmark and the manifest report per stage besides time: shuffle bytes (summed over finished tasks
 * by a Spark listener) and the driver JVM's peak heap (sampled every 200 ms). In local mode the executors run
 * in the driver's JVM, so the heap figure includes their work.
 */
public final class RunMetrics extends SparkListener implements AutoCloseable {
    private final AtomicLong shuffleWrite = new AtomicLong();
    private final AtomicLong shuffleRead = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;

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
    }

    /** Cumulative shuffle bytes written and read so far. */
    public long[] shuffleBytes() {
        return new long[] {shuffleWrite.get(), shuffleRead.get()};
    }

    /** Peak heap used since the last reset, in bytes; resets the peak to the current use. */
    public long takePeakHeap() {
        samplePeak();
        return peakHeap.getAndSet(memory.getHeapMemoryUsage().getUsed());
    }
}
