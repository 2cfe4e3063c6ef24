package io.newslens.cli;

import io.newslens.ingest.IngestReports;
import io.newslens.terms.TermReports;
import io.newslens.text.TextReports;
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
            TermReports.KEYNESS, TermReports.TRENDING_TERMS, TermReports.COLLOCATIONS);

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
