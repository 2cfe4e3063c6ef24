package io.newslens.cli;

import io.newslens.actors.ActorReports;
import io.newslens.ingest.IngestReports;
import io.newslens.text.TextReports;
import io.newslens.topics.TopicReports;
import io.newslens.report.ReportSpec;
import io.newslens.report.Reports;
import java.util.List;

/**
 * Every report newslens writes, in the order docs/reports.md lists them. Running this class prints the
 * reference part of docs/reports.md (a test checks that the file holds exactly these sections).
 */
public final class ReportCatalog {
    public static final List<ReportSpec> ALL = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(IngestReports.ARTICLES, IngestReports.QUARANTINE, TextReports.DUPLICATES,
                            TextReports.BOILERPLATE),
                    Stages.ALL.stream().flatMap(s -> s.reports().stream()))
            .toList();

    /** What newslens publishes in an output folder besides the Parquet reports. */
    public static final List<String> ARTIFACTS = List.of(TopicReports.MODEL_DIR, ActorReports.NETWORK_GEXF,
            io.newslens.report.RunOutput.MANIFEST);

    private ReportCatalog() {
    }

    /** Every name newslens may publish in an output folder: reports, artifacts and the manifest. */
    public static java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>(ARTIFACTS);
        ALL.forEach(r -> names.add(r.name()));
        return names;
    }

    /** Names of the reports a command writes, in catalogue order. */
    public static List<String> writtenBy(String command) {
        Stages.Stage stage = Stages.named(command);
        List<ReportSpec> stages = command.equals("ingest") ? List.of() : stage != null ? stage.reports() : ALL;
        return ALL.stream().filter(r -> r == IngestReports.ARTICLES || r == IngestReports.QUARANTINE
                        || (r == TextReports.DUPLICATES || r == TextReports.BOILERPLATE) && !command.equals("ingest")
                        || stages.contains(r))
                .map(ReportSpec::name).toList();
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        for (ReportSpec spec : ALL) {
            sb.append(Reports.markdown(spec)).append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
