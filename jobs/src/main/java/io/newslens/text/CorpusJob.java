package io.newslens.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.NewslensConfig;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The corpus every analysis reads: the written articles less exact duplicates (marked by ingest) and
 * near-duplicates (found here), unless {@code ingest.keep_duplicates}. Writes the {@code duplicates} report.
 */
public final class CorpusJob {
    public static final long MINHASH_SEED = 20_261_125L;

    private CorpusJob() {
    }

    public static Dataset<Row> run(Dataset<Row> articles, NewslensConfig config, RunOutput out, RunManifest manifest) {
        try (RunManifest.Stage stage = manifest.stage("corpus")) {
            Dataset<Row> originals = articles.filter(col(Articles.DUPLICATE_OF).isNull());
            // MinHash reads the shingle hashes three times (band keys, both sides of the verification): compute them once.
            Dataset<Row> withShingles = originals.select(col(Articles.ARTICLE_ID), col(Articles.PUBLISHED_AT),
                    NearDuplicates.shingles(col(Articles.TITLE), col(Articles.TEXT)).as("shingles"))
                    .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            try {
                Dataset<Row> near = NearDuplicates.find(withShingles, Articles.ARTICLE_ID,
                        NearDuplicates.orderKey(col(Articles.PUBLISHED_AT), col(Articles.ARTICLE_ID)),
                        config.terms().nearDuplicateJaccard(), config.terms().minhashTables(), MINHASH_SEED);
                Dataset<Row> exact = articles.filter(col(Articles.DUPLICATE_OF).isNotNull()).select(
                        col(Articles.ARTICLE_ID), col(Articles.DUPLICATE_OF),
                        when(col(Articles.DUPLICATE_REASON).equalTo("same_content"), lit(1.0)).as("jaccard"),
                        col(Articles.DUPLICATE_REASON).as("method"));
                Dataset<Row> duplicates = exact.unionByName(near.withColumn("method", lit("near")));
                out.write(TextReports.DUPLICATES, duplicates, manifest);
            } finally {
                withShingles.unpersist();
            }

            Dataset<Row> dups = out.read(TextReports.DUPLICATES.name());
            long nearCount = dups.filter(col("method").equalTo("near")).count();
            long exactCount = dups.count() - nearCount;
            Dataset<Row> corpus = config.ingest().keepDuplicates() ? articles
                    : articles.join(dups.select(col(Articles.ARTICLE_ID)), articles.col(Articles.ARTICLE_ID)
                            .equalTo(dups.col(Articles.ARTICLE_ID)), "left_anti");
            if (config.text().boilerplate()) {
                out.write(TextReports.BOILERPLATE, Boilerplate.detect(corpus, Boilerplate.SAMPLE_PER_OUTLET,
                        config.text().boilerplateMinShare(), config.text().boilerplateMinRatio(), Boilerplate.MIN_ARTICLES), manifest);
                corpus = Boilerplate.withPhrases(corpus, out.read(TextReports.BOILERPLATE.name()));
            }
            long analysed = corpus.count();
            manifest.counts("corpus", java.util.Map.of("articles", articles.count(), "exact_duplicates", exactCount,
                    "near_duplicates", nearCount, "analysed", analysed,
                    "duplicates_kept", config.ingest().keepDuplicates()));
            stage.count("exact_duplicates", exactCount).count("near_duplicates", nearCount).count("analysed", analysed);
            return corpus;
        }
    }
}
