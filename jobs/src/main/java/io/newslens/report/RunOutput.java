package io.newslens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Publishes a run's reports all at once. Each run writes into its own version folder {@code OUTPUT/.runs/RUN/};
 * publishing completes that folder (the manifest, plus whatever this run did not rewrite: reports of stages it
 * skipped, partitions before {@code --since}, hard-linked on a local disk) and then swaps one pointer, so a
 * reader sees the previous run whole or this run whole, never a mix. On a local disk the pointer is the
 * symbolic link {@code OUTPUT/.current}, and the paths BI tools use ({@code OUTPUT/articles}, ...) are fixed
 * links through it; where there are no links (HDFS, object stores) it is the file {@value #POINTER}, replaced by
 * one atomic rename. The previous version stays until the next run publishes, for readers still on it.
 * docs/reports.md states the protocol.
 */
public final class RunOutput {
    public static final String MANIFEST = "_manifest.json";
    /** The folder of the runs' version folders. */
    public static final String RUNS = ".runs";
    /** The local pointer: a symbolic link to the published run's version folder. */
    public static final String CURRENT = ".current";
    /** The pointer where there are no links: a small JSON file naming the published run. */
    public static final String POINTER = "_current.json";
    /**
     * {@code -Dnewslens.halt_at=STEP} halts the JVM after that publication step, or with {@code wrote REPORT} after
     * writing that report into the version folder (the kill tests).
     */
    public static final String HALT_PROPERTY = "newslens.halt_at";
    private static final String LEGACY_STAGING = ".staging-";
    private static final String LEGACY_TRASH = ".trash-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkSession spark;
    private final Configuration conf;
    private final FileSystem fs;
    private final Path output;
    private final String runId;
    /** This run's version folder: reports are written straight into it, and it is what publishing makes visible. */
    private final Path versionDir;
    /** Local disk: the pointer and the stable report paths are symbolic links. */
    private final boolean links;
    /** Reports written incrementally: partitions from this value on replace the published ones. */
    private final Map<String, String> partialFrom = new java.util.HashMap<>();
    private final Map<String, org.apache.spark.sql.types.StructType> schemas = new java.util.HashMap<>();
    /** Paths in the published version folder this run keeps beside what it writes there (a store's older batches). */
    private final List<String> kept = new ArrayList<>();
    /** Lists what is published in the output's marker first; null in tests that build a RunOutput directly. */
    private OutputGuard guard;
    /** The reports asked for ({@code --reports}); null: all of them. */
    private java.util.Set<String> asked;
    /** Told each publication step as it completes (the kill tests stop there). */
    private Consumer<String> steps = RunOutput::haltIfAsked;

    public RunOutput(SparkSession spark, String outputDir, String runId) {
        this(spark, outputDir, runId, true);
    }

    /** {@code useLinks} false: publish as on a file system without links (the HDFS protocol, tested on a local disk). */
    RunOutput(SparkSession spark, String outputDir, String runId, boolean useLinks) {
        this(spark.sparkContext().hadoopConfiguration(), outputDir, runId, useLinks);
        this.spark = spark;
    }

    /**
     * An output opened before Spark starts (repairs included): enough to read what is published and to publish
     * again what is carried over; {@link #attach} gives it the session that writes reports.
     */
    public static RunOutput beforeSpark(Configuration conf, String outputDir, String runId) {
        return new RunOutput(conf, outputDir, runId, true);
    }

    private RunOutput(Configuration conf, String outputDir, String runId, boolean useLinks) {
        this.conf = conf;
        this.runId = runId;
        try {
            Path given = new Path(outputDir);
            this.fs = given.getFileSystem(conf);
            this.output = fs.makeQualified(given);
            if (fs.exists(output) && !fs.getFileStatus(output).isDirectory()) {
                throw new OutputException("output: " + outputDir + " is a file, not a folder; give a folder path");
            }
            this.versionDir = new Path(new Path(output, RUNS), runId);
            fs.mkdirs(output);
            this.links = useLinks && "file".equals(output.toUri().getScheme()) && canLink(output);
            recoverInterruptedRuns();
            if (!fs.mkdirs(versionDir)) {
                throw new OutputException("output: cannot create " + versionDir);
            }
        } catch (IOException e) {
            throw new OutputException("output: cannot use " + outputDir + ": " + e.getMessage(), e);
        }
    }

    /** False under {@code --force}: the article store's results are not reused (see {@link ArticleStore}). */
    private boolean reuseStores = true;

    public void reuseStores(boolean reuse) {
        this.reuseStores = reuse;
    }

    public boolean reusesStores() {
        return reuseStores;
    }

    /** The article store's batches ({@code .store/NAME/batch=RUN/}), shared by every version that lists them. */
    public static final String STORE = ".store";

    /** A store as a version lists it in {@code _store/NAME.json}: its key and the runs whose batches it holds. */
    public record StoreState(String key, List<String> batches) {
    }

    /** The folder of store {@code name}'s batches (Spark reads it with this as the base path). */
    public String storeRoot(String name) {
        return new Path(new Path(output, STORE), name).toString();
    }

    /**
     * Where this run writes its batch of store {@code name}: outside the version folder, so that later versions use
     * it without a link or a copy (on HDFS and object stores too). Invisible until a published version lists it
     * ({@link #recordStore}); a failed run's batch is deleted, a killed run's by the next run.
     */
    public String storeBatch(String name) {
        return new Path(storeRoot(name), "batch=" + runId).toString();
    }

    /** Whether store {@code name} holds batch {@code batch}. */
    public boolean hasStoreBatch(String name, String batch) {
        try {
            return fs.exists(new Path(storeRoot(name), "batch=" + batch));
        } catch (IOException e) {
            throw new OutputException("cannot read " + storeRoot(name) + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of batch {@code batch} of store {@code name} (its files'). */
    public long storeBatchBytes(String name, String batch) {
        try {
            return fs.getContentSummary(new Path(storeRoot(name), "batch=" + batch)).getLength();
        } catch (IOException e) {
            throw new OutputException("cannot read " + storeRoot(name) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes batch {@code batch} of store {@code name} if it exists (e.g. a killed run's, about to be written again). */
    public void deleteStoreBatch(String name, String batch) {
        try {
            fs.delete(new Path(storeRoot(name), "batch=" + batch), true);
        } catch (IOException e) {
            throw new OutputException("cannot remove " + new Path(storeRoot(name), "batch=" + batch) + ": " + e.getMessage(), e);
        }
    }

    /** Lists store {@code name} in this run's version: its key and the runs whose batches make it up. */
    public void recordStore(String name, String key, List<String> batches) {
        try {
            writeText(storeListing(name), JSON.writeValueAsString(Map.of("key", key, "batches", batches)));
        } catch (IOException e) {
            throw new OutputException("cannot write " + storeListing(name) + ": " + e.getMessage(), e);
        }
    }

    /** Store {@code name} as the published version lists it, or null when it lists none or a batch is missing. */
    public StoreState publishedStore(String name) {
        String text = readPublishedText(storeListing(name));
        if (text == null) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(text);
            List<String> batches = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode b : node.path("batches")) {
                if (!fs.exists(new Path(storeRoot(name), "batch=" + b.asText()))) {
                    return null;
                }
                batches.add(b.asText());
            }
            return new StoreState(node.path("key").asText(), List.copyOf(batches));
        } catch (IOException e) {
            return null;
        }
    }

    private static String storeListing(String name) {
        return "_store/" + name + ".json";
    }

    /** This run's id: its version folder's name. */
    public String runId() {
        return runId;
    }

    /**
     * Keeps {@code relativePath} of the published version folder in this run's (hard links on a local disk, a copy
     * elsewhere) at publication, unless this run wrote it (e.g. the store listings of a republished run).
     */
    public void keepPublished(String relativePath) {
        kept.add(relativePath);
    }

    /** The session that writes this run's reports. */
    public void attach(SparkSession session) {
        this.spark = session;
    }

    /** Whether publishing costs links, not copies: the stable paths are links on a local disk. */
    public boolean linksStablePaths() {
        return links;
    }

    /** The published run's manifest, or null when none is published. */
    public com.fasterxml.jackson.databind.JsonNode publishedManifest() {
        try {
            Path m = publishedPath(MANIFEST);
            if (m == null) {
                return null;
            }
            try (java.io.InputStream in = fs.open(m)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether this local disk takes symbolic and hard links (Windows without the privilege to make symbolic links,
     * some network and FAT file systems do not): if not, the output is published as on HDFS, through the pointer file.
     */
    private static boolean canLink(Path output) {
        java.nio.file.Path dir = local(output);
        java.nio.file.Path probe = dir.resolve(".link-probe-" + ProcessHandle.current().pid());
        java.nio.file.Path file = dir.resolve(".link-probe-file-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.deleteIfExists(file);
            Files.createSymbolicLink(probe, java.nio.file.Path.of(RUNS));
            Files.delete(probe);
            Files.writeString(file, "");
            Files.createLink(probe, file);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Progress.log("note: " + dir + " takes no symbolic or hard links (" + e.getMessage() + "); reports are published"
                    + " through " + POINTER + ": read OUTPUT/.runs/<run_id>/<report> for the run it names");
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a probe left behind is hidden and harmless
            }
        }
    }

    /** Tells {@code listener} each publication step as it completes (the kill tests stop at each). */
    void onStep(Consumer<String> listener) {
        this.steps = listener;
    }

    private static void haltIfAsked(String step) {
        String at = System.getProperty(HALT_PROPERTY);
        if (step.equals(at)) {
            System.err.println("newslens: halting after step '" + step + "' (-D" + HALT_PROPERTY + ")");
            Runtime.getRuntime().halt(137);
        }
    }

    private static java.nio.file.Path local(Path p) {
        return java.nio.file.Path.of(p.toUri());
    }

    private boolean isLink(Path p) {
        return links && Files.isSymbolicLink(local(p));
    }

    /** The run whose version folder is published; null when none is (a new output, or one from before versions). */
    public String publishedRun() {
        try {
            if (links) {
                java.nio.file.Path current = local(new Path(output, CURRENT));
                return Files.isSymbolicLink(current) ? Files.readSymbolicLink(current).getFileName().toString() : null;
            }
            Path pointer = new Path(output, POINTER);
            if (!fs.exists(pointer)) {
                return null;
            }
            try (java.io.InputStream in = fs.open(pointer)) {
                return JSON.readTree(in).path("run_id").asText(null);
            }
        } catch (IOException e) {
            throw new OutputException("cannot read the pointer of " + output + ": " + e.getMessage(), e);
        }
    }

    private Path version(String run) {
        return new Path(new Path(output, RUNS), run);
    }

    /** Where the published copy of a report is, or null when none is published. */
    private Path publishedPath(String reportName) throws IOException {
        String run = publishedRun();
        Path p = run == null ? null : new Path(version(run), reportName);
        return p != null && fs.exists(p) ? p : null;
    }

    /**
     * Repairs what a killed run left, before this run writes anything: a version folder the pointer does not
     * name was never visible and goes (its run was killed before the swap); links a killed publish did not
     * make are made; old versions go. Outputs of earlier releases are upgraded first.
     */
    private void recoverInterruptedRuns() throws IOException {
        for (FileStatus st : fs.listStatus(output)) {
            if (st.getPath().getName().startsWith(LEGACY_STAGING)) {
                fs.delete(st.getPath(), true);
            }
        }
        for (FileStatus st : fs.listStatus(output)) {
            if (st.getPath().getName().startsWith(LEGACY_TRASH)) {
                restoreMissing(st.getPath(), output);
                fs.delete(st.getPath(), true);
            }
        }
        adoptUnversionedOutput();
        String published = publishedRun();
        if (published != null) {
            linkStablePaths(version(published));
            unlinkVanished(version(published));
        }
        collect(published);
    }

    /**
     * Deletes every version folder but the published one, the newest complete one before it (readers may still
     * be on it) and this run's.
     */
    private void collect(String published) throws IOException {
        Path runs = new Path(output, RUNS);
        if (!fs.exists(runs)) {
            return;
        }
        String previous = null;
        for (FileStatus st : fs.listStatus(runs)) {
            String n = st.getPath().getName();
            if (published != null && n.compareTo(published) < 0 && fs.exists(new Path(st.getPath(), MANIFEST))
                    && (previous == null || n.compareTo(previous) > 0)) {
                previous = n;
            }
        }
        for (FileStatus st : fs.listStatus(runs)) {
            String n = st.getPath().getName();
            if (!n.equals(published) && !n.equals(previous) && !n.equals(runId)) {
                fs.delete(st.getPath(), true);
            }
        }
        collectStore(runs);
    }

    /** Deletes the store batches no remaining version lists (those of failed, killed or collected runs). */
    private void collectStore(Path runs) throws IOException {
        Path store = new Path(output, STORE);
        if (!fs.exists(store)) {
            return;
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (FileStatus version : fs.listStatus(runs)) {
            Path lists = new Path(version.getPath(), "_store");
            if (!fs.exists(lists)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(lists)) {
                String file = f.getPath().getName();
                if (f.isFile() && file.endsWith(".json")) {
                    try (java.io.InputStream in = fs.open(f.getPath())) {
                        String name = file.substring(0, file.length() - ".json".length());
                        JSON.readTree(in).path("batches").forEach(b -> listed.add(name + "/batch=" + b.asText()));
                    }
                }
            }
        }
        for (FileStatus named : fs.listStatus(store)) {
            for (FileStatus batch : fs.listStatus(named.getPath())) {
                String id = named.getPath().getName() + "/" + batch.getPath().getName();
                // This run's own batch is not listed until it publishes.
                if (batch.isDirectory() && !listed.contains(id) && !batch.getPath().getName().equals("batch=" + runId)) {
                    fs.delete(batch.getPath(), true);
                }
            }
        }
    }

    /** What an output folder holds of newslens's: every entry but hidden ones, the pointer and the manifest. */
    private List<String> entries(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (FileStatus st : fs.listStatus(dir)) {
            String n = st.getPath().getName();
            if (!n.startsWith(".") && !n.startsWith("_")) {
                names.add(n);
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * An output of a release before version folders holds its reports directly: they move into a version
     * folder of their run (the manifest last, so the next run resumes a kill halfway), the pointer is set and
     * the links made. Only this once, a report's path is missing between its move and its link.
     */
    private void adoptUnversionedOutput() throws IOException {
        Path manifest = new Path(output, MANIFEST);
        if (publishedRun() != null || !fs.exists(manifest) || isLink(manifest)) {
            return;
        }
        String run;
        try (java.io.InputStream in = fs.open(manifest)) {
            run = JSON.readTree(in).path("run_id").asText("unversioned");
        } catch (IOException e) {
            run = "unversioned";
        }
        Path version = version(run);
        fs.mkdirs(version);
        for (String n : entries(output)) {
            if (!isLink(new Path(output, n))) {
                move(new Path(output, n), new Path(version, n));
            }
        }
        move(manifest, new Path(version, MANIFEST));
        swapPointer(run);
        Progress.log("moved the reports of run " + run + " into " + version + ": outputs are versioned from this release on");
    }

    private void move(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new OutputException("cannot move " + from + " to " + to);
        }
    }

    /** Moves back every entry of {@code from} that {@code into} lacks; partition folders one by one (earlier releases). */
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

    public Path output() {
        return output;
    }

    /** The output's guard: publishing records each report in its marker before it becomes visible. */
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

    /**
     * Whether {@link #write(ReportSpec, Dataset, RunManifest, String)} with this {@code replaceFrom} writes only the
     * partitions from that value on (a published copy of the report, partitioned the same way, keeps the others):
     * then a stage may compute only those rows.
     */
    public boolean replacesPartitions(ReportSpec spec, String replaceFrom) {
        return replaceFrom != null && spec.partitionBy().size() == 1 && published(spec.name())
                && publishedPartitionedBy(spec.name(), spec.partitionBy().get(0));
    }

    /** Writes one report into this run's version folder after checking it against its declaration; returns its row count. */
    public long write(ReportSpec spec, Dataset<Row> report, RunManifest manifest) {
        return write(spec, report, manifest, null);
    }

    /**
     * As {@link #write(ReportSpec, Dataset, RunManifest)}; with {@code replaceFrom} (a value of the report's
     * single partition column, e.g. a period start yyyy-MM-dd) and a published copy of the report in place,
     * only rows of partitions from that value on are written, and publishing replaces exactly those partitions.
     */
    public long write(ReportSpec spec, Dataset<Row> report, RunManifest manifest, String replaceFrom) {
        boolean incremental = replacesPartitions(spec, replaceFrom);
        if (incremental) {
            String column = spec.partitionBy().get(0);
            // The undated bucket (a null key, folder __HIVE_DEFAULT_PARTITION__, which sorts after any date) can
            // grow in any run: it is always rewritten.
            report = report.filter(report.col(column).cast("string").geq(replaceFrom).or(report.col(column).isNull()));
            partialFrom.put(spec.name(), replaceFrom);
        }
        checkDeclared(spec, report.schema());
        String path = new Path(versionDir, spec.name()).toString();
        long start = System.nanoTime();
        // The rows are counted as they are written (an observed metric), not by a query over the files afterwards.
        org.apache.spark.sql.Observation written = new org.apache.spark.sql.Observation("newslens_rows_" + spec.name());
        report.observe(written, org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)).as("rows")).write()
                .mode(SaveMode.ErrorIfExists)
                .partitionBy(spec.partitionBy().toArray(String[]::new))
                .parquet(path);
        if (!holdsParquet(path)) {
            // A partitioned write of no rows leaves no file, which Spark and DuckDB cannot read: write one empty
            // file with every declared column instead.
            spark.createDataFrame(java.util.List.of(), spec.schema()).write().mode(SaveMode.Overwrite).parquet(path);
        }
        long rows = rowsWritten(written, spec, path);
        double seconds = recordWritten(spec, rows, start, manifest);
        if (incremental) {
            try {
                manifest.replacedPartitions(spec.name(), replaceFrom, stagedPartitions(spec.name()));
            } catch (IOException e) {
                throw new OutputException("cannot list " + path + ": " + e.getMessage(), e);
            }
        }
        Progress.log("  wrote " + spec.name() + ": " + rows + " rows in " + Progress.seconds(seconds));
        // Not a publication step (nothing is visible yet): the kill test's way to stop a run between two reports.
        haltIfAsked("wrote " + spec.name());
        return rows;
    }

    private static void checkDeclared(ReportSpec spec, org.apache.spark.sql.types.StructType actual) {
        List<String> problems = spec.mismatches(actual);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("report " + spec.name() + " does not match its declaration: " + problems);
        }
    }

    /** Records a report written into this run's version (its schema for {@link #read}, its rows and time); returns the seconds. */
    private double recordWritten(ReportSpec spec, long rows, long start, RunManifest manifest) {
        schemas.put(spec.name(), spec.schema());
        double seconds = Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
        manifest.report(spec.name(), rows, spec.partitionBy(), seconds);
        return seconds;
    }

    /**
     * Writes report {@code spec} as a copy of the files of one partition ({@code column} = {@code value}) of {@code source},
     * written earlier in this run: the same rows, every column of {@code source} but the partition's (which its files do
     * not hold), without encoding them again. Checked against {@code spec} like {@link #write}; where the partition has
     * no rows (no folder), an empty report is written. Returns its row count.
     */
    public long writeCopy(ReportSpec spec, ReportSpec source, String column, String value, RunManifest manifest) {
        Path from = new Path(new Path(versionDir, source.name()), column + "=" + value);
        Path to = new Path(versionDir, spec.name());
        long start = System.nanoTime();
        try {
            if (!fs.exists(from)) {
                return write(spec, spark.createDataFrame(java.util.List.of(), spec.schema()), manifest);
            }
            if (!FileUtil.copy(fs, from, fs, to, false, fs.getConf())) {
                throw new IOException("the copy did not complete");
            }
        } catch (IOException e) {
            throw new OutputException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
        Dataset<Row> copied = spark.read().parquet(to.toString());
        checkDeclared(spec, copied.schema());
        long rows = copied.count();  // the files' footers: no data pages read
        double seconds = recordWritten(spec, rows, start, manifest);
        Progress.log("  wrote " + spec.name() + ": " + rows + " rows in " + Progress.seconds(seconds) + " (copied from "
                + source.name() + "/" + column + "=" + value + ")");
        haltIfAsked("wrote " + spec.name());
        return rows;
    }

    /**
     * The rows a write's observation counted. Spark hands the metric over once the write's query has ended; should it
     * not come (it always has), the written files are counted instead (their footers: no data pages read).
     */
    private long rowsWritten(org.apache.spark.sql.Observation written, ReportSpec spec, String path) {
        try {
            Row metrics = scala.concurrent.Await.result(written.future(), scala.concurrent.duration.Duration.create(60, "s"));
            return metrics.getLong(metrics.fieldIndex("rows"));
        } catch (java.util.concurrent.TimeoutException e) {
            Progress.log("  " + spec.name() + ": no row count from the write after 60 s; counting the written files");
            return spark.read().schema(spec.schema()).parquet(path).count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the row count of " + spec.name(), e);
        }
    }

    /** Whether the published report's partitions are of this column (a report of an earlier layout is rewritten whole). */
    private boolean publishedPartitionedBy(String reportName, String column) {
        try {
            for (FileStatus st : fs.listStatus(publishedPath(reportName))) {
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
            return publishedPath(reportName) != null;
        } catch (IOException e) {
            throw new OutputException("cannot read " + output + ": " + e.getMessage(), e);
        }
    }

    /** A report written earlier in this run, read back from this run's version folder. */
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
        return new Path(versionDir, reportName).toString();
    }

    /**
     * A folder in this run's version folder for something that is not a Parquet report (a saved model); it is published with
     * the reports. Returns its staged path.
     */
    public String artifact(String name) {
        return stagedPath(name);
    }

    /** Writes a small text file (UTF-8) into this run's version folder, e.g. metadata next to a saved model. */
    public void writeText(String relativePath, String content) {
        writeText(relativePath, w -> w.write(content));
    }

    /** Something that writes text to a stream (a file too large to build as one string). */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(java.io.Writer writer) throws IOException;
    }

    /** Writes a text file (UTF-8) into this run's version folder as {@code body} streams it. */
    public void writeText(String relativePath, TextBody body) {
        try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                fs.create(new Path(versionDir, relativePath), true), StandardCharsets.UTF_8))) {
            body.writeTo(w);
        } catch (IOException e) {
            throw new OutputException("cannot write " + relativePath + " to " + versionDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lines of {@code text} (rows of one string column, in order), to be streamed by the driver into a file that
     * {@link #writeText} writes: the executors write them in parallel as text parts into a scratch folder of this run's
     * version, which {@code use} reads back part by part, in order, and which is deleted afterwards. Faster than
     * fetching rows to the driver one partition at a time, where each partition's job runs alone.
     */
    public void withLines(String name, Dataset<Row> text, java.util.function.Consumer<java.util.Iterator<String>> use) {
        Path scratch = new Path(new Path(versionDir, "_scratch"), name);
        try {
            text.write().mode(org.apache.spark.sql.SaveMode.Overwrite).text(scratch.toString());
            List<Path> parts = new ArrayList<>();
            for (FileStatus st : fs.listStatus(scratch)) {
                if (st.isFile() && st.getPath().getName().startsWith("part-")) {
                    parts.add(st.getPath());
                }
            }
            // part-00000-..., part-00001-...: the file names hold the partition's index, so they sort in its order.
            parts.sort(null);
            try (PartLines lines = new PartLines(parts)) {
                use.accept(lines);
            }
        } catch (IOException e) {
            throw new OutputException("cannot write " + scratch + ": " + e.getMessage(), e);
        } finally {
            try {
                // Its own folder only (another withLines may be reading its own), then the scratch folder once empty.
                fs.delete(scratch, true);
                if (fs.exists(scratch.getParent()) && fs.listStatus(scratch.getParent()).length == 0) {
                    fs.delete(scratch.getParent(), true);
                }
            } catch (IOException e) {
                Progress.log("could not remove " + scratch + ": " + e.getMessage());
            }
        }
    }

    /** The lines of text files, one file after the other, each opened when reached. */
    private final class PartLines extends Lookahead<String> implements java.io.Closeable {
        private final java.util.Iterator<Path> parts;
        private java.io.BufferedReader reader;

        PartLines(List<Path> parts) {
            this.parts = parts.iterator();
        }

        @Override
        protected String read() {
            try {
                while (true) {
                    if (reader != null) {
                        String line = reader.readLine();
                        if (line != null) {
                            return line;
                        }
                        reader.close();
                        reader = null;
                    }
                    if (!parts.hasNext()) {
                        return null;
                    }
                    reader = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(parts.next()), StandardCharsets.UTF_8), 1 << 16);
                }
            } catch (IOException e) {
                throw new OutputException("cannot read " + versionDir + "/_scratch: " + e.getMessage(), e);
            }
        }

        /** The file being read, when the caller stops before the end (a failed write). */
        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }

    /**
     * A report as the published version will hold it once this run is: what {@link #read} gives, and for a report
     * written from a partition value on, the published partitions before that value, which publication carries over.
     */
    public Dataset<Row> readWhole(ReportSpec spec) {
        Dataset<Row> staged = read(spec.name());
        String from = partialFrom.get(spec.name());
        if (from == null) {
            return staged;
        }
        try {
            Path published = publishedPath(spec.name());
            String column = spec.partitionBy().get(0);
            Dataset<Row> older = spark.read().schema(spec.schema()).option("basePath", published.toString()).parquet(published.toString())
                    .filter(org.apache.spark.sql.functions.col(column).cast("string").lt(from));
            return staged.unionByName(older);
        } catch (IOException e) {
            throw new OutputException("cannot read " + output + ": " + e.getMessage(), e);
        }
    }

    /** Where an entry of the published run's version folder is (e.g. a saved model), or null when it has none. */
    public String publishedLocation(String name) {
        try {
            Path p = publishedPath(name);
            return p == null ? null : p.toString();
        } catch (IOException e) {
            throw new OutputException("cannot read " + output + ": " + e.getMessage(), e);
        }
    }

    /** A small text file of the published run's version folder (UTF-8), or null when there is none. */
    public String readPublishedText(String name) {
        try {
            Path p = publishedPath(name);
            return p == null ? null : readText(p.toString());
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads a small text file (UTF-8) from any Hadoop path, e.g. a saved model's metadata. */
    public String readText(String path) {
        Path p = new Path(path);
        try (java.io.InputStream in = p.getFileSystem(conf).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OutputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes this run's version folder complete and then visible: the manifest, then the published entries this
     * run did not write (hard links on a local disk, copies elsewhere) and the older partitions of incrementally
     * written reports, then the stable links, then the one pointer swap. A kill before the swap leaves the
     * previous run visible; after it, this one.
     */
    public void publish(RunManifest manifest) {
        try {
            // No ._manifest.json.crc next to the manifest on local disks.
            fs.setWriteChecksum(false);
            try (OutputStream out = fs.create(new Path(versionDir, MANIFEST), true)) {
                out.write(manifest.toJson("succeeded").getBytes(StandardCharsets.UTF_8));
            } finally {
                fs.setWriteChecksum(true);
            }
            steps.accept("manifest-written");
            String previousRun = publishedRun();
            if (previousRun != null) {
                carryOver(version(previousRun));
            }
            List<String> names = entries(versionDir);
            if (guard != null) {
                List<String> owned = new ArrayList<>(names);
                owned.add(MANIFEST);
                guard.own(owned);
            }
            linkStablePaths(versionDir);
            swapPointer(runId);
            steps.accept("pointer-swapped");
            unlinkVanished(versionDir);
            collect(runId);
            steps.accept("collected");
        } catch (IOException e) {
            throw new OutputException("cannot publish the reports to " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings into this run's version what it keeps of the published one: entries it did not write, whole; of
     * a report written from a partition value on, the published partitions before that value.
     */
    private void carryOver(Path previous) throws IOException {
        for (String name : entries(previous)) {
            Path target = new Path(versionDir, name);
            String from = partialFrom.get(name);
            if (from != null) {
                for (FileStatus st : fs.listStatus(new Path(previous, name))) {
                    String dirName = st.getPath().getName();
                    int eq = dirName.indexOf('=');
                    if (st.isDirectory() && eq > 0 && dirName.substring(eq + 1).compareTo(from) < 0) {
                        link(st.getPath(), new Path(target, dirName));
                        steps.accept("carried " + name + "/" + dirName);
                    }
                }
            } else if (!fs.exists(target)) {
                link(new Path(previous, name), target);
                steps.accept("carried " + name);
            }
        }
        for (String relative : kept) {
            Path from = new Path(previous, relative);
            Path to = new Path(versionDir, relative);
            if (!fs.exists(from)) {
                continue;
            }
            if (!fs.exists(to)) {
                fs.mkdirs(to.getParent());
                link(from, to);
                steps.accept("kept " + relative);
            }
        }
    }

    /** A hard-linked tree on a local disk (no data copied, and the old version can go on its own); a copy elsewhere. */
    private void link(Path from, Path to) throws IOException {
        if (!links) {
            if (!FileUtil.copy(fs, from, fs, to, false, conf)) {
                throw new OutputException("cannot copy " + from + " to " + to);
            }
            return;
        }
        java.nio.file.Path src = local(from);
        java.nio.file.Path dst = local(to);
        try (java.util.stream.Stream<java.nio.file.Path> tree = Files.walk(src)) {
            for (java.nio.file.Path p : tree.toList()) {
                java.nio.file.Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createLink(t, p);
                }
            }
        }
    }

    /**
     * On a local disk, makes {@code OUTPUT/NAME -> .current/NAME} for every entry of {@code version} (and the
     * manifest) that has no link yet. Made before the swap, such a link shows nothing until then: the
     * previous run had no such report.
     */
    private void linkStablePaths(Path version) throws IOException {
        if (!links) {
            return;
        }
        List<String> names = entries(version);
        names.add(MANIFEST);
        for (String n : names) {
            java.nio.file.Path stable = local(new Path(output, n));
            if (!Files.isSymbolicLink(stable) && !Files.exists(stable)) {
                Files.createSymbolicLink(stable, java.nio.file.Path.of(CURRENT, n));
                steps.accept("linked " + n);
            }
        }
    }

    /** Drops stable links of entries the published version does not have (a report no longer written). */
    private void unlinkVanished(Path version) throws IOException {
        if (!links) {
            return;
        }
        java.util.Set<String> present = new TreeSet<>(entries(version));
        present.add(MANIFEST);
        try (java.util.stream.Stream<java.nio.file.Path> all = Files.list(local(output))) {
            for (java.nio.file.Path p : all.toList()) {
                String n = p.getFileName().toString();
                if (Files.isSymbolicLink(p) && !n.equals(CURRENT) && !present.contains(n)
                        && Files.readSymbolicLink(p).startsWith(CURRENT)) {
                    Files.delete(p);
                    steps.accept("unlinked " + n);
                }
            }
        }
    }

    /**
     * The one step that publishes: a new pointer replaces the old by a single rename (rename(2) on a local
     * disk, HDFS's rename with overwrite; on an object store the pointer is one object written whole).
     */
    private void swapPointer(String run) throws IOException {
        if (links) {
            java.nio.file.Path tmp = local(new Path(output, CURRENT + ".tmp-" + run));
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, java.nio.file.Path.of(RUNS, run));
            Files.move(tmp, local(new Path(output, CURRENT)), StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path tmp = new Path(output, "." + POINTER + ".tmp-" + run);
        fs.setWriteChecksum(false);
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(JSON.writeValueAsBytes(Map.of("run_id", run, "path", RUNS + "/" + run)));
        } finally {
            fs.setWriteChecksum(true);
        }
        FileContext.getFileContext(output.toUri(), conf)
                .rename(tmp, new Path(output, POINTER), Options.Rename.OVERWRITE);
    }

    private List<String> stagedPartitions(String name) throws IOException {
        List<String> result = new ArrayList<>();
        for (FileStatus st : fs.listStatus(new Path(versionDir, name))) {
            if (st.isDirectory() && st.getPath().getName().contains("=")) {
                result.add(st.getPath().getName());
            }
        }
        result.sort(null);
        return result;
    }

    /** Drops the version folder of a failed run; the published reports stay as they were. */
    public void abort() {
        try {
            fs.delete(versionDir, true);
            Path store = new Path(output, STORE);
            if (fs.exists(store)) {
                for (FileStatus named : fs.listStatus(store)) {
                    fs.delete(new Path(named.getPath(), "batch=" + runId), true);
                }
            }
        } catch (IOException e) {
            Progress.log("could not remove " + versionDir + ": " + e.getMessage());
        }
    }
}
