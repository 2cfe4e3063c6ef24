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
    /** Reports written incrementally: partitions from this value on replace the published ones. */
    private final java.util.Map<String, String> partialFrom = new java.util.HashMap<>();
    private final java.util.Map<String, org.apache.spark.sql.types.StructType> schemas = new java.util.HashMap<>();
    /** Lists what is published in the output's marker first; null in tests that build a RunOutput directly. */
    private OutputGuard guard;
    /** The reports asked for ({@code --reports}); null: all of them. */
    private java.util.Set<String> asked;

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

    /** The output's guard: publishing records each report in its marker before moving it into place. */
    public void guard(OutputGuard outputGuard) {
        this.guard = outputGuard;
    }

    /** Limits the run to these reports and those they are computed from (the jobs ask {@link #wants}). */
    public void only(java.util.Set<String> reportNames) {
        this.asked = reportNames == null || reportNames.isEmpty() ? null : java.util.Set.copyOf(reportNames);
    }

    /** Whether any of these reports was asked for (all are, unless the run was limited). */
    public boolean wants(ReportSpec... specs) {
        return wants(java.util.List.of(specs));
    }

    public boolean wants(java.util.List<ReportSpec> specs) {
        return asked == null || specs.stream().anyMatch(s -> asked.contains(s.name()));
    }

    /** Writes one report to staging after checking it against its declaration; returns its row count. */
    public long write(ReportSpec spec, Dataset<Row> report, RunManifest manifest) {
        return write(spec, report, manifest, null);
    }

    /**
     * As {@link #write(ReportSpec, Dataset, RunManifest)}; with {@code replaceFrom} (a value of the report's
     * single partition column, e.g. a period start yyyy-MM-dd) and a published copy of the report in place,
     * only rows of partitions from that value on are written, and publishing replaces exactly those partitions.
     */
    public long write(ReportSpec spec, Dataset<Row> report, RunManifest manifest, String replaceFrom) {
        boolean incremental = replaceFrom != null && spec.partitionBy().size() == 1 && published(spec.name());
        if (incremental) {
            String column = spec.partitionBy().get(0);
            report = report.filter(report.col(column).cast("string").geq(replaceFrom));
            partialFrom.put(spec.name(), replaceFrom);
        }
        List<String> problems = spec.mismatches(report.schema());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("report " + spec.name() + " does not match its declaration: " + problems);
        }
        String path = new Path(staging, spec.name()).toString();
        long start = System.nanoTime();
        report.write().mode(SaveMode.ErrorIfExists)
                .partitionBy(spec.partitionBy().toArray(String[]::new))
                .parquet(path);
        if (!holdsParquet(path)) {
            // A partitioned write of no rows leaves no file, which Spark and DuckDB cannot read: write one empty
            // file with every declared column instead.
            spark.createDataFrame(java.util.List.of(), spec.schema()).write().mode(SaveMode.Overwrite).parquet(path);
        }
        schemas.put(spec.name(), spec.schema());
        // Parquet footers hold row counts, so this reads no data pages.
        long rows = spark.read().schema(spec.schema()).parquet(path).count();
        double seconds = Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
        manifest.report(spec.name(), rows, spec.partitionBy(), seconds);
        if (incremental) {
            try {
                manifest.replacedPartitions(spec.name(), replaceFrom, stagedPartitions(spec.name()));
            } catch (IOException e) {
                throw new OutputException("cannot list " + path + ": " + e.getMessage(), e);
            }
        }
        written.add(spec.name());
        Progress.log("  wrote " + spec.name() + ": " + rows + " rows in " + Progress.seconds(seconds));
        return rows;
    }

    private boolean published(String reportName) {
        try {
            return fs.exists(new Path(output, reportName));
        } catch (IOException e) {
            throw new OutputException("cannot read " + output + ": " + e.getMessage(), e);
        }
    }

    /** A report written earlier in this run, read back from staging. */
    public Dataset<Row> read(String reportName) {
        org.apache.spark.sql.types.StructType schema = schemas.get(reportName);
        return schema == null ? spark.read().parquet(stagedPath(reportName))
                : spark.read().schema(schema).parquet(stagedPath(reportName));
    }

    private boolean holdsParquet(String path) {
        try {
            org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(new Path(path), true);
            while (files.hasNext()) {
                if (files.next().getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new OutputException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** The staged location of a report written in this run (for a later stage of the same run to read). */
    public String stagedPath(String reportName) {
        return new Path(staging, reportName).toString();
    }

    /**
     * A folder in staging for something that is not a Parquet report (a saved model); it is published with
     * the reports. Returns its staged path.
     */
    public String artifact(String name) {
        written.add(name);
        return stagedPath(name);
    }

    /** Writes a small text file (UTF-8) into staging, e.g. metadata next to a saved model. */
    public void writeText(String relativePath, String content) {
        try (OutputStream os = fs.create(new Path(staging, relativePath), true)) {
            os.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutputException("cannot write " + relativePath + " to " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Reads a small text file (UTF-8) from any Hadoop path, e.g. a saved model's metadata. */
    public String readText(String path) {
        Path p = new Path(path);
        try (java.io.InputStream in = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OutputException("cannot read " + path + ": " + e.getMessage(), e);
        }
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
            if (guard != null) {
                guard.own(toMove);
            }
            for (String name : toMove) {
                Path target = new Path(output, name);
                if (partialFrom.containsKey(name)) {
                    replacePartitions(name, partialFrom.get(name), manifest);
                    continue;
                }
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

    /**
     * Dynamic partition overwrite, staged: every published partition from {@code from} on goes to the
     * trash (also one this run no longer has: a full run would not have it either), then every staged
     * partition moves in. Older partitions are not touched.
     */
    private void replacePartitions(String name, String from, RunManifest manifest) throws IOException {
        Path target = new Path(output, name);
        Path trashed = new Path(trash, name);
        fs.mkdirs(trashed);
        List<String> replaced = new ArrayList<>();
        for (FileStatus st : fs.listStatus(target)) {
            String dirName = st.getPath().getName();
            int eq = dirName.indexOf('=');
            if (st.isDirectory() && eq > 0 && dirName.substring(eq + 1).compareTo(from) >= 0) {
                fs.rename(st.getPath(), new Path(trashed, dirName));
            }
        }
        for (FileStatus st : fs.listStatus(new Path(staging, name))) {
            String dirName = st.getPath().getName();
            if (st.isDirectory() && dirName.contains("=")) {
                if (!fs.rename(st.getPath(), new Path(target, dirName))) {
                    throw new OutputException("cannot move partition " + dirName + " into " + target);
                }
                replaced.add(dirName);
            }
        }
        Progress.log("  replaced partitions of " + name + ": " + replaced);
    }

    private List<String> stagedPartitions(String name) throws IOException {
        List<String> result = new ArrayList<>();
        for (FileStatus st : fs.listStatus(new Path(staging, name))) {
            if (st.isDirectory() && st.getPath().getName().contains("=")) {
                result.add(st.getPath().getName());
            }
        }
        result.sort(null);
        return result;
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
