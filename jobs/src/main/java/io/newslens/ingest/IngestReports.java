package io.newslens.ingest;

import io.newslens.report.ReportSpec;
import io.newslens.text.Articles;
import org.apache.spark.sql.types.DataTypes;

/** The reports ingest writes: {@code articles} (declared in {@link Articles}) and {@code quarantine}. */
public final class IngestReports {
    public static final String ARTICLE_ID = Articles.ARTICLE_ID;
    public static final String TITLE = Articles.TITLE;
    public static final String TEXT = Articles.TEXT;
    public static final String PUBLISHED_AT = Articles.PUBLISHED_AT;
    public static final String PUBLISHED_DATE = Articles.PUBLISHED_DATE;
    public static final String PUBLISHED_RAW = Articles.PUBLISHED_RAW;
    public static final String SOURCE = Articles.SOURCE;
    public static final String URL = Articles.URL;
    public static final String AUTHORS = Articles.AUTHORS;
    public static final String LANGUAGE = Articles.LANGUAGE;
    public static final String LANGUAGE_CONFIDENCE = Articles.LANGUAGE_CONFIDENCE;
    public static final String INPUT_FILE = Articles.INPUT_FILE;
    public static final String ENCODING_REPAIRED = Articles.ENCODING_REPAIRED;
    public static final String DUPLICATE_OF = Articles.DUPLICATE_OF;
    public static final String DUPLICATE_REASON = Articles.DUPLICATE_REASON;
    public static final String EXTRA = Articles.EXTRA;
    public static final ReportSpec ARTICLES = Articles.SPEC;

    public static final String RECORD = "record";
    public static final String RECORD_CHARS = "record_chars";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";

    public static final ReportSpec QUARANTINE = ReportSpec.builder("quarantine",
                    "Every input record that could not become an article, with the reason.")
            .string(INPUT_FILE, "The file the record came from.")
            .string(RECORD, "The raw record (a JSON line, CSV row, document or file), cut to `ingest.quarantine_record_chars`.")
            .column(RECORD_CHARS, DataTypes.IntegerType, "Length of the whole raw record in characters.")
            .string(REASON, "`malformed_json`, `malformed_csv`, `invalid_utf8` or `empty_article`.")
            .string(DETAIL, "A sentence saying what is wrong with this record.")
            .build();

    private IngestReports() {
    }
}
