package io.newslens.ingest;

import io.newslens.text.Articles;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.substring;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Splits mapped records into the {@code articles} and {@code quarantine} reports. No I/O. */
public final class Ingest {
    private Ingest() {
    }

    /** The records no check rejected. */
    public static Dataset<Row> accepted(Dataset<Row> mapped) {
        return mapped.filter(col(IngestReports.REASON).isNull());
    }

    /** Accepted records whose duplicates are marked ({@link Duplicates}), in the column order of the report. */
    public static Dataset<Row> inReportOrder(Dataset<Row> marked) {
        return marked.select(columns(IngestReports.ARTICLES));
    }

    /** Rejected records with their raw text cut to {@code recordChars}. */
    public static Dataset<Row> quarantine(Dataset<Row> mapped, int recordChars) {
        return mapped.filter(col(IngestReports.REASON).isNotNull()).select(
                col(Articles.INPUT_FILE),
                substring(col(ArticleMapper.RAW), 1, recordChars).as(IngestReports.RECORD),
                length(col(ArticleMapper.RAW)).as(IngestReports.RECORD_CHARS),
                col(IngestReports.REASON),
                col(IngestReports.DETAIL));
    }

    static Column[] columns(ReportSpec spec) {
        return spec.columnNames().stream().map(n -> col(n)).toArray(Column[]::new);
    }
}
