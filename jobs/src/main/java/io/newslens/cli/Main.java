package io.newslens.cli;

import io.newslens.config.ConfigException;
import io.newslens.config.NewslensConfig;
import io.newslens.ingest.IngestJob;
import io.newslens.actors.ActorReports;
import io.newslens.actors.ActorsJob;
import io.newslens.terms.TermReports;
import io.newslens.topics.TopicReports;
import io.newslens.terms.TermsJob;
import io.newslens.topics.TopicsJob;
import io.newslens.text.CorpusJob;
import io.newslens.report.OutputException;
import io.newslens.report.Progress;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? "" : " (cause: " + root + ")";
    }

    private static void stop(SparkSession spark, io.newslens.report.RunMetrics metrics) {
        spark.sparkContext().removeSparkListener(metrics);
        metrics.close();
    }

    /** Runs a command line; the session is only created once the config is known to be valid. */
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
        SparkSession spark;
        try {
            spark = sessions.get();
        } catch (Exception e) {
            System.err.println("newslens: cannot start Spark: " + e.getMessage()
                    + " (run through ./newslens, or spark-submit --master ...)");
            return 1;
        }
        String runId = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        RunOutput out;
        try {
            out = new RunOutput(spark, config.output(), runId);
        } catch (OutputException e) {
            System.err.println("newslens: " + e.getMessage());
            return 2;
        }
        out.only(cl.reports());
        RunManifest manifest = new RunManifest(runId, cl.command(), spark.version(), config);
        io.newslens.report.RunMetrics metrics = new io.newslens.report.RunMetrics();
        spark.sparkContext().addSparkListener(metrics);
        manifest.metrics(metrics);
        manifest.put("since", config.since());
        if (!cl.reports().isEmpty()) {
            manifest.put("reports_asked", new java.util.TreeSet<>(cl.reports()));
        }
        try {
            Dataset<Row> articles = IngestJob.run(spark, config, out, manifest);
            if (!cl.command().equals("ingest")) {
                Dataset<Row> corpus = CorpusJob.run(articles, config, out, manifest);
                String c = cl.command();
                java.util.Set<String> skip = cl.skip();
                if ((c.equals("terms") || c.equals("all") && !skip.contains("terms")) && out.wants(TermReports.ALL)) {
                    TermsJob.run(corpus, config, out, manifest);
                }
                if ((c.equals("topics") || c.equals("all") && !skip.contains("topics")) && out.wants(TopicReports.ALL)) {
                    TopicsJob.run(corpus, config, out, manifest, cl.model(), c.equals("topics"));
                }
                if ((c.equals("actors") || c.equals("all") && !skip.contains("actors")) && out.wants(ActorReports.ALL)) {
                    ActorsJob.run(corpus, config, out, manifest);
                }
            }
            stop(spark, metrics);
            out.publish(manifest);
            Progress.log("run " + runId + " succeeded; reports in " + out.output());
            return 0;
        } catch (ConfigException e) {
            stop(spark, metrics);
            out.abort();
            System.err.println("newslens: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Spark's failures are checked exceptions thrown from Scala, so catch them all here.
            stop(spark, metrics);
            out.abort();
            e.printStackTrace();
            System.err.println("newslens: run " + runId + " failed, previous reports left as they were: "
                    + e.getMessage() + rootCause(e));
            return 1;
        }
    }
}
