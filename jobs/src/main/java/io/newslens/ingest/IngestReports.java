package io.newslens.ingest;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataTypes;

/** The reports ingest writes: column names and declarations, in one place. */
public final class IngestReports {
    public static final String ARTICLE_ID = "article_id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String PUBLISHED_AT = "published_at";
    public static final String PUBLISHED_DATE = "published_date";
    public static final String PUBLISHED_RAW = "published_raw";
    public static final String SOURCE = "source";
    public static final String URL = "url";
    public static final String AUTHORS = "authors";
    public static final String LANGUAGE = "language";
    public static final String LANGUAGE_CONFIDENCE = "language_confidence";
    public static final String INPUT_FILE = "input_file";
    public static final String ENCODING_REPAIRED = "encoding_repaired";
    public static final String DUPLICATE_OF = "duplicate_of";
    public static final String DUPLICATE_REASON = "duplicate_reason";
    public static final String EXTRA = "extra";

    public static final String RECORD = "record";
    public static final String RECORD_CHARS = "record_chars";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";

    public static final ReportSpec ARTICLES = ReportSpec.builder("articles",
                    "Every record that became an article, one row each; duplicates are kept and marked.")
            .string(ARTICLE_ID, "Unique article id: the input's id; else `u` + hash of the URL, or `c` + hash of title and text. "
                    + "A repeated input id gets `#2`, `#3`, ... appended (see `duplicate_of`).")
            .string(TITLE, "Headline as given (empty string if none).")
            .string(TEXT, "Body as given (empty string if none); not cleaned, so nothing is lost.")
            .column(PUBLISHED_AT, DataTypes.TimestampType, "Publication instant (UTC); null if missing or unparseable.")
            .column(PUBLISHED_DATE, DataTypes.DateType, "Calendar date of `published_at` in the run's `timezone` (default UTC).")
            .string(PUBLISHED_RAW, "The date value as it was in the input (null if the input had none).")
            .string(SOURCE, "Outlet: the input's source field (a URL becomes its host without `www.`), else the input's "
                    + "configured `source`, else the URL's host.")
            .string(URL, "Article URL, if given.")
            .column(AUTHORS, DataTypes.createArrayType(DataTypes.StringType), "Authors (a JSON array, or a string split on semicolons or vertical bars); empty if none.")
            .string(LANGUAGE, "ISO 639-1 language code from the input; null when it had none.")
            .column(LANGUAGE_CONFIDENCE, DataTypes.DoubleType, "Confidence of a detected language (null when taken from the input).")
            .string(INPUT_FILE, "The file the record came from.")
            .column(ENCODING_REPAIRED, DataTypes.BooleanType, "True when a few undecodable bytes were replaced by U+FFFD.")
            .string(DUPLICATE_OF, "`article_id` of the article this one duplicates (same id, or same normalised title and text); "
                    + "null for originals. Downstream reports skip duplicates unless `ingest.keep_duplicates` is set.")
            .string(DUPLICATE_REASON, "`same_id` or `same_content`; null for originals.")
            .column(EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                    "Every other input field, by its input name; nested JSON values as JSON text.")
            .build();

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
