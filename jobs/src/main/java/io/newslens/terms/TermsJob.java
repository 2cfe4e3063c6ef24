package io.newslens.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.NewslensConfig;
import io.newslens.config.TermsOptions;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import io.newslens.text.Articles;
import io.newslens.text.TextLayer;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** The {@code terms} reports from the analysis corpus. */
public final class TermsJob {
    private TermsJob() {
    }

    public static void run(Dataset<Row> corpus, NewslensConfig config, RunOutput out, RunManifest manifest) {
        TermsOptions t = config.terms();
        try (RunManifest.Stage stage = manifest.stage("terms")) {
            Dataset<Row> analysed = corpus.select(
                    col(Articles.ARTICLE_ID), col(Articles.SOURCE),
                    Terms.periodStart(col(Articles.PUBLISHED_DATE), t.period()).as(TermReports.PERIOD_START),
                    TextLayer.chunks(col(Articles.TITLE), col(Articles.TEXT), col(Articles.LANGUAGE), config.text())
                            .as("chunks"));
            // Every report below starts from doc_terms: tokenise once.
            Dataset<Row> docTerms = Terms.docTerms(analysed, t.ngramMax()).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                long articles = docTerms.select(Terms.ARTICLE_ID).distinct().count();
                // Incremental runs replace the period partitions from the one holding `since` on.
                String from = config.since() == null ? null : periodStartOf(config.since(), t.period());
                out.write(TermReports.TERM_FREQUENCIES, Terms.termFrequencies(docTerms), manifest, from);
                out.write(TermReports.VOCABULARY, Terms.vocabulary(docTerms, articles, t.minDf(), t.maxDf(),
                        t.maxVocabulary()), manifest);
                Dataset<Row> vocabulary = out.read(TermReports.VOCABULARY.name());
                out.write(TermReports.ARTICLE_TERMS, Terms.articleTerms(docTerms, vocabulary, t.topK()), manifest);
                out.write(TermReports.KEYNESS, keyness(docTerms, t), manifest);
                out.write(TermReports.TRENDING_TERMS, Terms.trending(docTerms, vocabulary, t.trendingWindow(),
                        t.trendingZ(), t.minCount()), manifest, from);
                out.write(TermReports.COLLOCATIONS, Terms.collocations(docTerms, t.minCount()), manifest);
                long kept = vocabulary.filter(col("kept")).count();
                manifest.counts("terms", java.util.Map.of("articles_with_tokens", articles, "vocabulary_kept", kept,
                        "period", t.period(), "ngram_max", t.ngramMax()));
                stage.count("articles", articles).count("vocabulary_kept", kept);
            } finally {
                docTerms.unpersist();
            }
        }
    }

    /** First day (yyyy-MM-dd) of the period that holds a date. */
    static String periodStartOf(String date, String period) {
        return io.newslens.text.Periods.startOf(date, period);
    }

    /** Keyness in the configured mode. */
    static Dataset<Row> keyness(Dataset<Row> docTerms, TermsOptions t) {
        Column period = Terms.periodLabel(col(TermReports.PERIOD_START));
        return switch (t.keyness()) {
            case "source" -> Terms.keyness(docTerms.withColumn("grp",
                            when(col(Terms.SOURCE).equalTo(t.keynessTarget()), lit(t.keynessTarget())).otherwise(lit("rest"))),
                    List.of(t.keynessTarget()), "rest", t.keynessMinCount());
            case "periods" -> Terms.keyness(docTerms.withColumn("grp",
                            when(period.isin(t.keynessTarget(), t.keynessReference()), period)),
                    List.of(t.keynessTarget()), t.keynessReference(), t.keynessMinCount());
            default -> {
                // The periods themselves: one row per period, so collecting them is cheap.
                List<String> periods = docTerms.filter(col(TermReports.PERIOD_START).isNotNull())
                        .select(period.as("p")).distinct().orderBy("p").collectAsList().stream()
                        .map(r -> r.getString(0)).toList();
                yield Terms.keyness(docTerms.withColumn("grp", period), periods, "rest", t.keynessMinCount());
            }
        };
    }
}
