package io.newslens.ingest;

import io.newslens.report.ReportSpec;
import io.newslens.text.Articles;
import org.apache.spark.sql.types.DataTypes;

/** The reports ingest writes: {@code articles} (declared in {@link Articles}) and {@code quarantine}. */
public final class IngestReports {
    public static final ReportSpec ARTICLES = Articles.SPEC;

    public static final String RECORD = "record";
    public static final String RECORD_CHARS = "record_chars";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";

    public static final ReportSpec QUARANTINE = ReportSpec.builder("quarantine",
                    "Every input record that could not become an article, with the reason.")
            .string(Articles.INPUT_FILE, "The file the record came from.")
            .string(RECORD, "The raw record (a JSON line, CSV row, document or file), cut to `ingest.quarantine_record_chars`.")
            .column(RECORD_CHARS, DataTypes.IntegerType, "Length of the whole raw record in characters.")
            .string(REASON, "`malformed_json`, `malformed_csv`, `invalid_utf8`, `wrong_type` (a title or text that is a JSON object, array, number or boolean, not a string) or `empty_article`.")
            .string(DETAIL, "A sentence saying what is wrong with this record.")
            .build();

    private IngestReports() {
    }
}
