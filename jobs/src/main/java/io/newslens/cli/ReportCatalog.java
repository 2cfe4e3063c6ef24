package io.newslens.cli;

import io.newslens.actors.ActorReports;
import io.newslens.ingest.IngestReports;
import io.newslens.terms.TermReports;
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
    public static final List<ReportSpec> ALL = List.of(IngestReports.ARTICLES, IngestReports.QUARANTINE,
            TextReports.DUPLICATES, TermReports.TERM_FREQUENCIES, TermReports.VOCABULARY, TermReports.ARTICLE_TERMS,
            TermReports.KEYNESS, TermReports.TRENDING_TERMS, TermReports.COLLOCATIONS,
            TopicReports.TOPICS, TopicReports.TOPIC_SUMMARY, TopicReports.ARTICLE_TOPICS, TopicReports.TOPIC_PREVALENCE,
            TopicReports.TOPIC_MODEL_SELECTION, ActorReports.ACTORS, ActorReports.ACTOR_MENTIONS, ActorReports.ACTOR_ATTENTION,
            ActorReports.CO_MENTIONS, ActorReports.NETWORK_NODES, ActorReports.NETWORK_EDGES, ActorReports.CANDIDATES,
            ActorReports.ARTICLE_TONE, ActorReports.ACTOR_TONE);

    private ReportCatalog() {
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
