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

    private TextReports() {
    }
}
