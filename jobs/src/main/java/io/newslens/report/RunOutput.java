package io.newslens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a run's reports atomically: everything goes to {@code OUTPUT/.staging-RUN/} first; only when
 * all reports and the manifest are complete are they moved into place, one rename per report. A run
 * that fails or is killed before that leaves the previous reports untouched; its staging folder is
 * removed by {@link #abort()} or by the next run. Reports this run does not write are left as they are.
 */
public final class RunOutput {
    public static final String MANIFEST = "_manifest.json";
    private static final String STAGING_PREFIX = ".staging-";
    private static final String TRASH_PREFIX = ".trash-";

    private final SparkSession spark;
    private final FileSystem fs;
    private final Path output;
    private final Path staging;
    private final Path trash;
    private final List<String> written = new ArrayList<>();

    public RunOutput(SparkSession spark, String outputDir, String runId) {
        this.spark = spark;
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path given = new Path(outputDir);
            this.fs = given.getFileSystem(conf);
            this.output = fs.makeQualified(given);
            if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
                throw new OutputException("output: " + outputDir + " is a file, not a folder; give a folder path");
            }
            this.staging = new Path(output, STAGING_PREFIX + runId);
            this.trash = new Path(output, TRASH_PREFIX + runId);
            fs.mkdirs(output);
            recoverInterruptedRuns();
            if (!fs.mkdirs(staging)) {
                throw new OutputException("output: cannot create " + staging);
            }
        } catch (IOException e) {
            throw new OutputException("output: cannot use " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /** A previous publish killed halfway leaves a trash folder: put back what is missing, drop old staging. */
    private void recoverInterruptedRuns() throws IOException {
        for (FileStatus st : fs.listStatus(output)) {
            String n = st.getPath().getName();
            if (n.startsWith(TRASH_PREFIX)) {
                for (FileStatus old : fs.listStatus(st.getPath())) {
                    Path target = new Path(output, old.getPath().getName());
                    if (!fs.exists(target)) {
                        fs.rename(old.getPath(), target);
                        Progress.log("restored " + target + " from an interrupted run");
                    }
                }
                fs.delete(st.getPath(), true);
            } else if (n.startsWith(STAGING_PREFIX)) {
                fs.delete(st.getPath(), true);
            }
        }
    }

    public Path output() {
        return output;
    }

    /** Writes one report to staging after checking it against its declaration; returns its row count. */
    public long write(ReportSpec spec, Dataset<Row> report, RunManifest manifest) {
        List<String> problems = spec.mismatches(report.schema());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("report " + spec.name() + " does not match its declaration: " + problems);
        }
        String path = new Path(staging, spec.name()).toString();
        long start = System.nanoTime();
        report.write().mode(SaveMode.ErrorIfExists)
                .partitionBy(spec.partitionBy().toArray(String[]::new))
                .parquet(path);
        // Parquet footers hold row counts, so this reads no data pages.
        long rows = spark.read().parquet(path).count();
        double seconds = Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
        manifest.report(spec.name(), rows, spec.partitionBy(), seconds);
        written.add(spec.name());
        Progress.log("  wrote " + spec.name() + ": " + rows + " rows in " + seconds + " s");
        return rows;
    }

    /** A report written earlier in this run, read back from staging. */
    public Dataset<Row> read(String reportName) {
        return spark.read().parquet(stagedPath(reportName));
    }

    /** The staged location of a report written in this run (for a later stage of the same run to read). */
    public String stagedPath(String reportName) {
        return new Path(staging, reportName).toString();
    }

    /** Moves every staged report and then the manifest into place. */
    public void publish(RunManifest manifest) {
        try {
            // No ._manifest.json.crc next to the manifest on local disks.
            fs.setWriteChecksum(false);
            try (OutputStream out = fs.create(new Path(staging, MANIFEST), true)) {
                out.write(manifest.toJson("succeeded").getBytes(StandardCharsets.UTF_8));
            } finally {
                fs.setWriteChecksum(true);
            }
            fs.mkdirs(trash);
            List<String> toMove = new ArrayList<>(written);
            toMove.add(MANIFEST);
            for (String name : toMove) {
                Path target = new Path(output, name);
                if (fs.exists(target) && !fs.rename(target, new Path(trash, name))) {
                    throw new OutputException("cannot move the previous " + target + " aside");
                }
                if (!fs.rename(new Path(staging, name), target)) {
                    throw new OutputException("cannot move " + name + " into " + output);
                }
            }
            fs.delete(trash, true);
            fs.delete(staging, true);
        } catch (IOException e) {
            throw new OutputException("cannot publish the reports to " + output + ": " + e.getMessage(), e);
        }
    }

    /** Drops the staging folder of a failed run; the previous reports stay as they were. */
    public void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            Progress.log("could not remove " + staging + ": " + e.getMessage());
        }
    }
}
