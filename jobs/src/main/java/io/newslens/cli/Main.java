package io.newslens.cli;

import io.newslens.config.ConfigException;
import io.newslens.config.NewslensConfig;
import io.newslens.ingest.IngestJob;
import io.newslens.ingest.IngestStore;
import io.newslens.report.OutputException;
import io.newslens.report.OutputGuard;
import io.newslens.report.Progress;
import io.newslens.report.RunFailure;
import io.newslens.report.RunManifest;
import io.newslens.report.RunMetrics;
import io.newslens.report.RunOutput;
import io.newslens.report.StageProgress;
import io.newslens.text.CorpusJob;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The one entry point, for {@code ./newslens} and {@code spark-submit --class io.newslens.cli.Main}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SparkSession[] created = new SparkSession[1];
        int code = run(args, () -> created[0] = Spark.session());
        if (created[0] != null) {
            created[0].stop();
        }
        System.exit(code);
    }

    /**
     * Runs a command line. Everything that can be checked without Spark is checked first (command line,
     * config, inputs, output); the session is created only then.
     */
    public static int run(String[] args, Supplier<SparkSession> sessions) {
        CommandLine cl;
        NewslensConfig config;
        try {
            cl = CommandLine.parse(args);
            if (cl.help()) {
                System.out.print(CommandLine.USAGE);
                return 0;
            }
            config = cl.config();
        } catch (ConfigException e) {
            System.err.println("newslens: " + e.getMessage());
            System.err.println("run 'newslens --help' for usage");
            return 2;
        }
        String runId = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        Preflight.Checked checked;
        try {
            checked = Preflight.run(config, runId);
        } catch (ConfigException | OutputException e) {
            System.err.println("newslens: " + e.getMessage());
            return 2;
        }
        try (OutputGuard guard = checked.output()) {
            return run(cl, config, runId, checked, sessions);
        }
    }

    private static int run(CommandLine cl, NewslensConfig config, String runId, Preflight.Checked checked,
                           Supplier<SparkSession> sessions) {
        String log = System.getProperty("newslens.log.file");
        if (log != null) {
            Progress.log("run " + runId + "; Spark's log: " + log);
        }
        RunOutput out;
        try {
            out = RunOutput.beforeSpark(Preflight.hadoopConfiguration(), config.output(), runId);
        } catch (OutputException e) {
            System.err.println("newslens: " + e.getMessage());
            return 2;
        }
        out.guard(checked.output());
        out.only(cl.reports());
        out.reuseStores(!cl.force());
        java.util.Map<String, Object> state = RunState.of(cl, config, checked.inputs(), Preflight.hadoopConfiguration());
        com.fasterxml.jackson.databind.JsonNode published = out.publishedManifest();
        InputChanges changes;
        try {
            out.writeText(InputChanges.FILE, InputChanges.listing(checked.inputs().fileStates()));
            if (!cl.force() && out.linksStablePaths() && published != null && "succeeded".equals(published.path("status").asText())
                    && state.get("fingerprint").equals(published.path("input_state").path("fingerprint").asText())) {
                return republish(cl, config, runId, out, state, published);
            }
            String publishedFiles = out.readPublishedText(InputChanges.FILE);
            changes = publishedFiles == null ? null : InputChanges.between(publishedFiles, checked.inputs().fileStates());
        } catch (OutputException e) {
            out.abort();
            System.err.println("newslens: " + e.getMessage());
            return 2;
        }
        String since = config.since();
        if (since != null && changes != null && changes.oldContentChanged()) {
            // Partitions before --since would keep what the old content gave, beside partitions of the new.
            config = config.withSince(null);
        }
        SparkSession spark;
        try {
            spark = sessions.get();
        } catch (Exception e) {
            out.abort();
            System.err.println("newslens: cannot start Spark: " + e.getMessage()
                    + " (run through ./newslens, or spark-submit --master ...)");
            return 1;
        }
        out.attach(spark);
        RunManifest manifest = new RunManifest(runId, cl.command(), spark.version(), config);
        manifest.put("input_state", state);
        RunMetrics metrics = new RunMetrics();
        spark.sparkContext().addSparkListener(metrics);
        manifest.metrics(metrics);
        manifest.put("since", config.since());
        if (changes != null) {
            manifest.put("input_changes", changes.toManifest(published == null ? null : published.path("run_id").asText(null)));
        }
        if (since != null && config.since() == null) {
            manifest.put("since_ignored", since);
            manifest.warn("--since " + since + " ignored: since run " + (published == null ? "?" : published.path("run_id").asText())
                    + ", input files were "
                    + changes.describe() + "; partitions before " + since + " would keep what their old content gave, so"
                    + " every partition is recomputed");
        }
        if (!cl.reports().isEmpty()) {
            manifest.put("reports_asked", new TreeSet<>(cl.reports()));
        }
        checked.output().notes().forEach(manifest::warn);
        checked.inputs().warnings().forEach(manifest::warn);
        Thread progress = StageProgress.start(spark);
        try {
            Dataset<Row> articles = IngestJob.run(spark, config, checked.inputs().groups(), out, manifest,
                    storePlan(cl, config, out, published, changes));
            if (!cl.command().equals("ingest")) {
                Dataset<Row> corpus = CorpusJob.run(articles, config, out, manifest);
                DatedCheck.Result dated = DatedCheck.check(corpus, config);
                manifest.counts("dates", dated.counts());
                dated.warnings().forEach(manifest::warn);
                for (Stages.Stage stage : Stages.ALL) {
                    if (cl.runs(stage.name()) && out.wants(stage.reports())) {
                        stage.runner().run(corpus, config, out, manifest, cl);
                    }
                }
            }
            stop(spark, metrics, progress);
            out.publish(manifest);
            Progress.log("run " + runId + " succeeded; reports in " + Progress.path(out.output().toString()) + summary(manifest.warnings()));
            return 0;
        } catch (ConfigException e) {
            stop(spark, metrics, progress);
            out.abort();
            System.err.println("newslens: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Spark's failures are checked exceptions thrown from Scala, so catch them all here.
            stop(spark, metrics, progress);
            out.abort();
            if (cl.verbose()) {
                e.printStackTrace();
            }
            System.err.println("newslens: run " + runId + " failed, previous reports left as they were: "
                    + Failures.explain(e) + summary(manifest.warnings()));
            if (!cl.verbose() && !(e instanceof RunFailure)) {
                System.err.println("newslens: run again with --verbose for the stack trace"
                        + (log != null ? ", or see " + log : ""));
            }
            return 1;
        }
    }

    /**
     * Which input files this run reads: those the published run had not seen, when its store can stand for the
     * others (same store key, none of its files changed or gone, no {@code --force}); else all.
     */
    static IngestStore.Plan storePlan(CommandLine cl, NewslensConfig config, RunOutput out,
                                      com.fasterxml.jackson.databind.JsonNode published, InputChanges changes) {
        String key = RunState.storeKey(config, Preflight.hadoopConfiguration());
        String run = published == null ? null : published.path("run_id").asText(null);
        if (cl.force()) {
            return IngestStore.Plan.readAll(key, "--force");
        }
        io.newslens.report.RunOutput.StoreState stored = out.publishedStore(IngestStore.NAME);
        if (run == null || changes == null || stored == null) {
            return IngestStore.Plan.readAll(key, run == null ? "no published run" : "the published run " + run + " has no store");
        }
        if (changes.oldContentChanged()) {
            return IngestStore.Plan.readAll(key, "since run " + run + ", input files were " + changes.describe());
        }
        if (!key.equals(stored.key())) {
            return IngestStore.Plan.readAll(key, "newslens or the settings records are read with changed since run " + run);
        }
        return new IngestStore.Plan(key, run, stored.batches(), new java.util.HashSet<>(changes.unchanged()), null);
    }

    /**
     * Inputs, settings and newslens unchanged since the published run: its reports are the result, so they are
     * published again, as they are (hard links), under a manifest saying so. No Spark, no per-article work.
     */
    private static int republish(CommandLine cl, NewslensConfig config, String runId, RunOutput out,
                                 java.util.Map<String, Object> state, com.fasterxml.jackson.databind.JsonNode published) {
        String previous = published.path("run_id").asText();
        RunManifest manifest = new RunManifest(runId, cl.command(), published.path("spark_version").asText(), config);
        manifest.put("input_state", state);
        manifest.republishes(published);
        manifest.put("since", config.since());
        out.keepPublished("_store");
        try {
            out.publish(manifest);
        } catch (OutputException e) {
            out.abort();
            System.err.println("newslens: " + e.getMessage());
            return 1;
        }
        Progress.log("run " + runId + ": inputs, settings and newslens unchanged since run " + previous
                + ", so its reports are published again as they are (no per-article work; --force recomputes); reports in "
                + Progress.path(out.output().toString()));
        return 0;
    }

    /** The closing summary: every warning of the run, numbered, on the same line. */
    static String summary(List<String> warnings) {
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; " + warnings.size() + (warnings.size() == 1 ? " warning: " : " warnings: "));
        for (int i = 0; i < warnings.size(); i++) {
            sb.append(i == 0 ? "" : " ").append('(').append(i + 1).append(") ").append(warnings.get(i));
        }
        return sb.toString();
    }

    private static void stop(SparkSession spark, RunMetrics metrics, Thread progress) {
        if (progress != null) {
            progress.interrupt();
        }
        spark.sparkContext().removeSparkListener(metrics);
        metrics.close();
    }
}
