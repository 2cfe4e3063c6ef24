package io.newslens.report;

import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * When stderr is not a terminal (a batch job, a log file), Spark's progress bar is off; this prints a line
 * for a long stage every {@code newslens.progress.seconds} (default 60): which newslens stage runs and how
 * many of the running Spark stages' tasks are done.
 */
public final class StageProgress {
    /**
     * The stage of the run started on this thread (and the threads it starts): one per run, so that runs side by
     * side in one JVM (the test suite's) each report their own stage.
     */
    private static final InheritableThreadLocal<java.util.concurrent.atomic.AtomicReference<String>> CURRENT =
            new InheritableThreadLocal<>();

    private StageProgress() {
    }

    static void current(String stage) {
        java.util.concurrent.atomic.AtomicReference<String> run = CURRENT.get();
        if (run != null) {
            run.set(stage);
        }
    }

    /** Starts the reporter thread (a daemon) unless stderr is a terminal; returns it, or null. */
    public static Thread start(SparkSession spark) {
        java.util.concurrent.atomic.AtomicReference<String> run = new java.util.concurrent.atomic.AtomicReference<>();
        CURRENT.set(run);
        if (System.console() != null && !Boolean.getBoolean("newslens.progress.force")) {
            return null;
        }
        long every = Long.getLong("newslens.progress.seconds", 60);
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every * 1000);
                    String stage = run.get();
                    if (stage == null) {
                        continue;
                    }
                    int done = 0;
                    int total = 0;
                    for (int id : tracker.getActiveStageIds()) {
                        scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
                        if (info.isDefined()) {
                            done += info.get().numCompletedTasks();
                            total += info.get().numTasks();
                        }
                    }
                    Progress.log("  " + stage + " still running"
                            + (total > 0 ? ": " + done + " of " + total + " tasks of the current Spark step done" : ""));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newslens-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
