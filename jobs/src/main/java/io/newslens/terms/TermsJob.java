package io.newslens.terms;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.NewslensConfig;
import io.newslens.config.TermsOptions;
import io.newslens.report.ArticleStore;
import io.newslens.report.Fingerprints;
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
            // An article's n-gram counts depend on its title, text, language and its outlet's boilerplate phrases
            // only: stored by a hash of them, they are reused by later runs (ArticleStore).
            Dataset<Row> read = corpus.select(
                    col(Articles.ARTICLE_ID), col(Articles.SOURCE),
                    Terms.periodStart(col(Articles.PUBLISHED_DATE), t.period()).as(TermReports.PERIOD_START),
                    col(Articles.TITLE), col(Articles.TEXT), col(Articles.LANGUAGE),
                    io.newslens.text.Boilerplate.phrases(corpus).as(PHRASES));
            Column content = ArticleStore.contentHash(col(Articles.TITLE), col(Articles.TEXT), col(Articles.LANGUAGE),
                    array_join(array_sort(col(PHRASES)), "\u0003"));
            ArticleStore.Lookup lookup = ArticleStore.lookUp(out, "terms", storeKey(config), read, Articles.ARTICLE_ID,
                    List.of(Articles.SOURCE, TermReports.PERIOD_START), content, List.of(Terms.GRAMS),
                    rows -> rows.withColumn(Terms.GRAMS, Terms.ngramCounts(t.ngramMax(), true).apply(TextLayer.chunks(
                            col(Articles.TITLE), col(Articles.TEXT), col(Articles.LANGUAGE), col(PHRASES), config.text()))));
            // Every report below starts from the articles' n-gram counts: tokenise once (kept, one row of counts per
            // article). article_terms reads those rows; the others need only their cells (period × outlet × term).
            Dataset<Row> done = lookup.rows().persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> markedCells = null;
            try {
                java.util.Map<String, Object> stored = lookup.save(done);
                // The cells of the stored articles come from the store, per group of articles; only the groups that
                // changed (this run's new articles, usually) are counted again.
                markedCells = Terms.addUp(ArticleStore.sums(out, CELLS, storeKey(config) + "\ncells v1", done,
                        List.of(Articles.ARTICLE_ID, Articles.SOURCE, TermReports.PERIOD_START, ArticleStore.CONTENT),
                        rows -> Terms.groupCells(rows, ArticleStore.BATCH), stored), ArticleStore.shared(done, TermReports.PERIOD_START));
                // Partitioned by term once: keyness (each of its modes), the vocabulary and collocations group by term
                // and n. term_frequencies alone (--reports) groups by period and outlet: no shuffle by term for it.
                if (out.wants(TermReports.VOCABULARY, TermReports.ARTICLE_TERMS, TermReports.TRENDING_TERMS, TermReports.KEYNESS,
                        TermReports.KWIC, TermReports.COLLOCATIONS)) {
                    markedCells = markedCells.repartition(col(TermReports.TERM), col(TermReports.N));
                }
                markedCells = markedCells.persist(StorageLevel.MEMORY_AND_DISK());
                Dataset<Row> cells = markedCells.filter(col(TermReports.N).gt(0));
                Row total = markedCells.filter(col(TermReports.N).equalTo(0)).agg(sum(Terms.DOC_FREQ)).first();
                long articles = total.isNullAt(0) ? 0 : total.getLong(0);
                // Incremental runs replace the period partitions from the one holding `since` on.
                String from = config.since() == null ? null : periodStartOf(config.since(), t.period());
                if (out.wants(TermReports.TERM_FREQUENCIES)) {
                    // Each row depends on its own period's cells only: where the published report keeps the periods
                    // before `from`, only the others are computed (the undated bucket is always rewritten).
                    Dataset<Row> tfCells = out.replacesPartitions(TermReports.TERM_FREQUENCIES, from)
                            ? cells.filter(col(TermReports.PERIOD_START).geq(lit(java.sql.Date.valueOf(from)))
                                    .or(col(TermReports.PERIOD_START).isNull()))
                            : cells;
                    out.write(TermReports.TERM_FREQUENCIES, Terms.termFrequencies(tfCells), manifest, from);
                }
                // article_terms and trending_terms use the kept vocabulary.
                Dataset<Row> vocabulary = null;
                if (out.wants(TermReports.VOCABULARY, TermReports.ARTICLE_TERMS, TermReports.TRENDING_TERMS)) {
                    out.write(TermReports.VOCABULARY, Terms.vocabulary(cells, articles, t.minDf(), t.maxDf(),
                            t.maxVocabulary()), manifest);
                    vocabulary = out.read(TermReports.VOCABULARY.name());
                }
                if (out.wants(TermReports.ARTICLE_TERMS)) {
                    var idf = Terms.keptIdf(vocabulary);
                    try {
                        out.write(TermReports.ARTICLE_TERMS, Terms.articleTerms(done, idf, t.topK()), manifest);
                    } finally {
                        idf.destroy();
                    }
                }
                if (!out.wants(TermReports.KWIC)) {
                    done.unpersist();  // kwic reads the articles' counts to know where to look
                }
                if (out.wants(TermReports.KEYNESS)) {
                    out.write(TermReports.KEYNESS, keyness(cells, t, true), manifest);
                }
                if (out.wants(TermReports.TRENDING_TERMS)) {
                    // Where the published report keeps the periods before `from`, only the others are computed.
                    String trendingFrom = out.replacesPartitions(TermReports.TRENDING_TERMS, from) ? from : null;
                    out.write(TermReports.TRENDING_TERMS, Terms.trending(cells, vocabulary, t.trendingWindow(),
                            t.trendingZ(), t.minCount(), trendingFrom), manifest, from);
                }
                if (out.wants(TermReports.KWIC)) {
                    Dataset<Row> key = out.wants(TermReports.KEYNESS) ? out.read(TermReports.KEYNESS.name()) : null;
                    Dataset<Row> trend = out.wants(TermReports.TRENDING_TERMS) ? out.read(TermReports.TRENDING_TERMS.name()) : null;
                    if (key == null && trend == null) {
                        key = keyness(cells, t, true);
                    }
                    out.write(TermReports.KWIC, Kwic.examples(corpus, Kwic.wanted(key, trend, t.kwicTerms()), t.kwicExamples(),
                            t.period(), io.newslens.text.Boilerplate.phrases(corpus), config.text(),
                            done.select(col(Articles.ARTICLE_ID), col(Terms.GRAMS))), manifest);
                    done.unpersist();
                }
                if (out.wants(TermReports.COLLOCATIONS)) {
                    out.write(TermReports.COLLOCATIONS, Terms.collocations(cells, t.minCount()), manifest);
                }
                java.util.Map<String, Object> counts = new java.util.LinkedHashMap<>();
                counts.put("articles_with_tokens", articles);
                if (vocabulary != null) {
                    counts.put("vocabulary_kept", vocabulary.filter(col("kept")).count());
                }
                counts.put("period", t.period());
                counts.put("ngram_max", t.ngramMax());
                counts.put("store", stored);
                manifest.counts("terms", counts);
                stage.count("articles", articles);
                if (vocabulary != null) {
                    stage.count("vocabulary_kept", counts.get("vocabulary_kept"));
                }
            } finally {
                done.unpersist();
                lookup.release();  // what save kept of the batches taken in (read by the actors stage's sums only)
                if (markedCells != null) {
                    markedCells.unpersist();
                }
            }
        }
    }

    private static final String PHRASES = "_phrases";
    /** The store of term cells per group of articles ({@link ArticleStore#sums}). */
    static final String CELLS = "terms_cells";

    /** What an article's n-gram counts depend on besides the article: the build, the text options, the n-gram length. */
    static String storeKey(NewslensConfig config) {
        try {
            return Fingerprints.sha256(Fingerprints.build() + "\ntext " + new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(config.text()) + "\nngram_max " + config.terms().ngramMax());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot serialise the text options", e);
        }
    }

    /** First day (yyyy-MM-dd) of the period that holds a date. */
    static String periodStartOf(String date, String period) {
        return io.newslens.text.Periods.startOf(date, period);
    }

    /** Keyness in the configured modes, one report, from doc_terms or its cells. */
    static Dataset<Row> keyness(Dataset<Row> docTerms, TermsOptions t) {
        return keyness(docTerms, t, false);
    }

    /** {@code byTerm}: {@code docTerms} is hash-partitioned by term and n (the job's cells). */
    static Dataset<Row> keyness(Dataset<Row> docTerms, TermsOptions t, boolean byTerm) {
        Dataset<Row> result = null;
        for (String mode : t.keyness()) {
            Dataset<Row> part = keyness(docTerms, t, mode, byTerm);
            result = result == null ? part : result.unionByName(part);
        }
        return result;
    }

    private static Dataset<Row> keyness(Dataset<Row> docTerms, TermsOptions t, String mode, boolean byTerm) {
        Column period = Terms.periodLabel(col(TermReports.PERIOD_START));
        return switch (io.newslens.config.KeynessMode.of("terms.keyness", mode)) {
            case SOURCE -> Terms.keyness(docTerms.withColumn("grp",
                            when(col(Terms.SOURCE).equalTo(t.keynessTarget()), lit(t.keynessTarget())).otherwise(lit("rest"))),
                    List.of(t.keynessTarget()), "rest", t.keynessMinCount(), byTerm);
            case PERIODS -> Terms.keyness(docTerms.withColumn("grp",
                            when(period.isin(t.keynessTarget(), t.keynessReference()), period)),
                    List.of(t.keynessTarget()), t.keynessReference(), t.keynessMinCount(), byTerm);
            case EACH_SOURCE -> {
                // The outlets: one row each, cheap to collect.
                List<String> sources = docTerms.filter(col(Terms.SOURCE).isNotNull()).select(col(Terms.SOURCE)).distinct()
                        .orderBy(Terms.SOURCE).collectAsList().stream().map(r -> r.getString(0)).toList();
                yield Terms.keyness(docTerms.withColumn("grp", col(Terms.SOURCE)), sources, "rest", t.keynessMinCount(), byTerm);
            }
            case EACH_PERIOD -> {
                // The periods themselves: one row per period, so collecting them is cheap.
                List<String> periods = docTerms.filter(col(TermReports.PERIOD_START).isNotNull())
                        .select(period.as("p")).distinct().orderBy("p").collectAsList().stream()
                        .map(r -> r.getString(0)).toList();
                yield Terms.keyness(docTerms.withColumn("grp", period), periods, "rest", t.keynessMinCount(), byTerm);
            }
        };
    }
}
