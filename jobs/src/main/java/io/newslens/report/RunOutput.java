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

    /** An incremental report's publish: the published partitions from {@code from} on give way to {@code partitions}. */
    private record Partial(String from, java.util.Set<String> partitions) {
    }
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

    /**
     * Repairs what a killed run left. A staging folder holding the manifest belongs to a run killed while
     * publishing (the manifest is staged only once every report is complete): its publish is finished, so
     * the output holds that run whole rather than a mix. Other staging folders are dropped. A trash folder
     * whose run cannot be finished gives back whatever is missing, down to single partitions.
     */
    private void recoverInterruptedRuns() throws IOException {
        for (FileStatus st : fs.listStatus(output)) {
            String n = st.getPath().getName();
            if (!n.startsWith(STAGING_PREFIX)) {
                continue;
            }
            String run = n.substring(STAGING_PREFIX.length());
            Path stagedManifest = new Path(st.getPath(), MANIFEST);
            if (fs.exists(stagedManifest)) {
                Path runTrash = new Path(output, TRASH_PREFIX + run);
                moveIntoPlace(st.getPath(), runTrash, partialFrom(stagedManifest));
                fs.delete(runTrash, true);
                Progress.log("finished publishing run " + run + ", which was stopped halfway through its publish");
            }
            fs.delete(st.getPath(), true);
        }
        String published = publishedRunId();
        for (FileStatus st : fs.listStatus(output)) {
            String n = st.getPath().getName();
            if (n.startsWith(TRASH_PREFIX)) {
                // The run whose manifest is in place had published everything: its trash is only old copies.
                if (!n.substring(TRASH_PREFIX.length()).equals(published)) {
                    restoreMissing(st.getPath(), output);
                }
                fs.delete(st.getPath(), true);
            }
        }
    }

    /** Moves back every entry of {@code from} that {@code into} lacks; partition folders one by one. */
    private void restoreMissing(Path from, Path into) throws IOException {
        for (FileStatus old : fs.listStatus(from)) {
            Path target = new Path(into, old.getPath().getName());
            if (!fs.exists(target)) {
                fs.rename(old.getPath(), target);
                Progress.log("restored " + target + " from an interrupted run");
            } else if (old.isDirectory() && fs.getFileStatus(target).isDirectory() && !old.getPath().getName().contains("=")) {
                for (FileStatus part : fs.listStatus(old.getPath())) {
                    Path t = new Path(target, part.getPath().getName());
                    if (part.isDirectory() && part.getPath().getName().contains("=") && !fs.exists(t)) {
                        fs.rename(part.getPath(), t);
                        Progress.log("restored " + t + " from an interrupted run");
                    }
                }
            }
        }
    }

    private String publishedRunId() {
        try (java.io.InputStream in = fs.open(new Path(output, MANIFEST))) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("run_id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The incrementally written reports of a staged manifest: where each replaces from, and its partitions. */
    private java.util.Map<String, Partial> partialFrom(Path stagedManifest) throws IOException {
        java.util.Map<String, Partial> result = new java.util.HashMap<>();
        try (java.io.InputStream in = fs.open(stagedManifest)) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("reports").fields().forEachRemaining(e -> {
                if (e.getValue().hasNonNull("incremental_from")) {
                    java.util.Set<String> parts = new java.util.TreeSet<>();
                    e.getValue().path("replaced_partitions").forEach(x -> parts.add(x.asText()));
                    result.put(e.getKey(), new Partial(e.getValue().get("incremental_from").asText(), parts));
                }
            });
        }
        return result;
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
        boolean incremental = replaceFrom != null && spec.partitionBy().size() == 1 && published(spec.name())
                && publishedPartitionedBy(spec.name(), spec.partitionBy().get(0));
        if (incremental) {
            String column = spec.partitionBy().get(0);
            // The undated bucket (a null key, folder __HIVE_DEFAULT_PARTITION__, which sorts after any date) can
            // grow in any run: it is always rewritten.
            report = report.filter(report.col(column).cast("string").geq(replaceFrom).or(report.col(column).isNull()));
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

    /** Whether the published report's partitions are of this column (a report of an earlier layout is rewritten whole). */
    private boolean publishedPartitionedBy(String reportName, String column) {
        try {
            for (FileStatus st : fs.listStatus(new Path(output, reportName))) {
                if (st.isDirectory() && !st.getPath().getName().startsWith(column + "=")) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new OutputException("cannot read " + output + ": " + e.getMessage(), e);
        }
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
        writeText(relativePath, w -> w.write(content));
    }

    /** Something that writes text to a stream (a file too large to build as one string). */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(java.io.Writer writer) throws IOException;
    }

    /** Writes a text file (UTF-8) into staging as {@code body} streams it. */
    public void writeText(String relativePath, TextBody body) {
        try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                fs.create(new Path(staging, relativePath), true), StandardCharsets.UTF_8))) {
            body.writeTo(w);
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
            if (guard != null) {
                List<String> names = new ArrayList<>(written);
                names.add(MANIFEST);
                guard.own(names);
            }
            java.util.Map<String, Partial> partial = new java.util.HashMap<>();
            for (java.util.Map.Entry<String, String> e : partialFrom.entrySet()) {
                partial.put(e.getKey(), new Partial(e.getValue(), new java.util.TreeSet<>(stagedPartitions(e.getKey()))));
            }
            moveIntoPlace(staging, trash, partial);
            fs.delete(trash, true);
            fs.delete(staging, true);
        } catch (IOException e) {
            throw new OutputException("cannot publish the reports to " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves every staged entry into place, the manifest last: a whole report replaces the published one
     * (which goes to {@code runTrash}); an incremental one replaces its partitions. Re-entrant: run again on
     * what a killed publish left in staging, it finishes the job.
     */
    private void moveIntoPlace(Path stagingDir, Path runTrash, java.util.Map<String, Partial> partial) throws IOException {
        fs.mkdirs(runTrash);
        List<String> toMove = new ArrayList<>();
        for (FileStatus st : fs.listStatus(stagingDir)) {
            String name = st.getPath().getName();
            // Checksums and markers Hadoop and Spark leave are not entries of the output.
            if (!name.startsWith(".") && !name.startsWith("_")) {
                toMove.add(name);
            }
        }
        toMove.sort(null);
        if (fs.exists(new Path(stagingDir, MANIFEST))) {
            toMove.add(MANIFEST);
        }
        for (String name : toMove) {
            Path target = new Path(output, name);
            if (partial.containsKey(name) && fs.exists(target)) {
                replacePartitions(stagingDir, runTrash, name, partial.get(name));
                continue;
            }
            if (fs.exists(target)) {
                Path aside = new Path(runTrash, name);
                if (fs.exists(aside)) {
                    fs.delete(aside, true);
                }
                if (!fs.rename(target, aside)) {
                    throw new OutputException("cannot move the previous " + target + " aside");
                }
            }
            if (!fs.rename(new Path(stagingDir, name), target)) {
                throw new OutputException("cannot move " + name + " into " + output);
            }
        }
    }

    /**
     * Dynamic partition overwrite, staged: every published partition from {@code from} on goes to the
     * trash (also one this run no longer has: a full run would not have it either), then every staged
     * partition moves in. Older partitions are not touched.
     */
    private void replacePartitions(Path stagingDir, Path runTrash, String name, Partial partial) throws IOException {
        Path target = new Path(output, name);
        Path trashed = new Path(runTrash, name);
        fs.mkdirs(trashed);
        List<String> replaced = new ArrayList<>();
        for (FileStatus st : fs.listStatus(target)) {
            String dirName = st.getPath().getName();
            int eq = dirName.indexOf('=');
            // An old partition goes (also one the run no longer has: a full run would not have it either); a
            // partition of this run that a killed publish already moved in stays.
            boolean movedIn = partial.partitions().contains(dirName) && !fs.exists(new Path(new Path(stagingDir, name), dirName));
            if (st.isDirectory() && eq > 0 && dirName.substring(eq + 1).compareTo(partial.from()) >= 0 && !movedIn) {
                fs.rename(st.getPath(), new Path(trashed, dirName));
            }
        }
        for (FileStatus st : fs.listStatus(new Path(stagingDir, name))) {
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
