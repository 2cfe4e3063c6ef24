package io.newslens.cli;

import io.newslens.actors.ActorReports;
import io.newslens.actors.ActorsJob;
import io.newslens.config.NewslensConfig;
import io.newslens.report.ReportSpec;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import io.newslens.terms.TermReports;
import io.newslens.terms.TermsJob;
import io.newslens.topics.TopicReports;
import io.newslens.topics.TopicsJob;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The capabilities that run after ingest and de-duplication, in the order {@code all} runs them. One entry per
 * stage: its name (a command, a {@code --skip} value and the manifest's stage name), the reports it writes (for
 * {@code --reports} and the catalogue) and how to run it. Adding a stage touches this list and the stage only.
 */
final class Stages {
    /** How {@link Main} runs a stage on the de-duplicated corpus. */
    @FunctionalInterface
    interface Runner {
        void run(Dataset<Row> corpus, NewslensConfig config, RunOutput out, RunManifest manifest, CommandLine commandLine);
    }

    record Stage(String name, List<ReportSpec> reports, Runner runner) {
    }

    static final List<Stage> ALL = List.of(
            new Stage("terms", TermReports.ALL, (corpus, config, out, manifest, cl) -> TermsJob.run(corpus, config, out, manifest)),
            new Stage("topics", TopicReports.ALL, (corpus, config, out, manifest, cl) ->
                    TopicsJob.run(corpus, config, out, manifest, cl.model(), cl.refit(), cl.command().equals("topics"))),
            new Stage("actors", ActorReports.ALL, (corpus, config, out, manifest, cl) -> ActorsJob.run(corpus, config, out, manifest)));

    private Stages() {
    }

    static List<String> names() {
        return ALL.stream().map(Stage::name).toList();
    }

    /** The stage a command names, or null ({@code ingest}, {@code all}). */
    static Stage named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
