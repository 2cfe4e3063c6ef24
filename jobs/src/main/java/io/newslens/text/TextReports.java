package io.newslens.text;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataTypes;

/** The report the shared text layer writes. */
public final class TextReports {
    public static final ReportSpec DUPLICATES = ReportSpec.builder("duplicates",
                    "Articles left out of the analysis as copies of another: exact duplicates found by ingest and "
                            + "near-duplicates found by MinHash LSH over word 5-shingles.")
            .string("article_id", "The copy.")
            .string("duplicate_of", "The earlier article it copies (earliest `published_at`, undated last, then id).")
            .column("jaccard", DataTypes.DoubleType, "Jaccard similarity of the two articles' 5-shingle sets (1.0 for "
                    + "`same_content`; null for `same_id`, whose content may differ).")
            .string("method", "`same_id` or `same_content` (ingest), or `near` (MinHash LSH, Jaccard at least "
                    + "`terms.near_duplicate_jaccard`).")
            .build();

    public static final ReportSpec BOILERPLATE = ReportSpec.builder("boilerplate",
                    "What the analysis leaves out as an outlet's boilerplate: word trigrams (lower case) in at least "
                            + "`text.boilerplate_min_share` of the outlet's sampled articles and `text.boilerplate_min_ratio` "
                            + "times as common there as in the other outlets', as both its word pairs must be (one outlet alone: in half its "
                            + "articles). Their "
                            + "occurrences are cut out of the term and topic analysis (articles.text keeps them). Up to 500 "
                            + "articles per outlet are sampled (seeded by article id).")
            .string("source", "Outlet.")
            .string("phrase", "Three words, lower-cased, joined by a space; overlapping phrases cover longer passages.")
            .column("articles", DataTypes.LongType, "Sampled articles of the outlet that contain it.")
            .column("sampled_articles", DataTypes.LongType, "Articles of the outlet sampled.")
            .column("share", DataTypes.DoubleType, "articles / sampled_articles.")
            .column("share_elsewhere", DataTypes.DoubleType, "The same share over the other outlets' sampled articles "
                    + "(null when the corpus has one outlet).")
            .build();

    private TextReports() {
    }
}
