package io.newslens.text;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The canonical article table: written by ingest, read by every capability. Its column names and
 * declaration live here, in the shared layer, so capabilities need not know each other.
 */
public final class Articles {
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

    public static final ReportSpec SPEC = ReportSpec.builder("articles",
                    "Every record that became an article, one row each; duplicates are kept and marked.")
            .string(ARTICLE_ID, "Unique article id: the input's id; else `u` + hash of the URL, or `c` + hash of title and text. "
                    + "A repeated input id gets `#2`, `#3`, ... appended (see `duplicate_of`).")
            .string(TITLE, "Headline as given (empty string if none).")
            .string(TEXT, "Body as given (empty string if none); not cleaned, so nothing is lost.")
            .column(PUBLISHED_AT, DataTypes.TimestampType, "Publication instant (UTC); null if missing or unparseable.")
            .column(PUBLISHED_DATE, DataTypes.DateType, "Calendar date of `published_at` in the run's `timezone` (default UTC); for a record without a date, its "
                    + "input's `default_published` (null when none is set: the article is undated).")
            .string(PUBLISHED_RAW, "The date value as it was in the input (null if the input had none).")
            .string(SOURCE, "Outlet: the input's source field (a URL becomes its host without `www.`), else the input's "
                    + "configured `source`, else the URL's host.")
            .string(URL, "Article URL, if given.")
            .column(AUTHORS, DataTypes.createArrayType(DataTypes.StringType), "Authors (a JSON array, or a string split on semicolons or vertical bars); empty if none.")
            .string(LANGUAGE, "ISO 639-1 language code: the input's, else detected among `text.languages` (script, function words, then Lingua); `und` when title and text "
                    + "are too short to tell (fewer than 20 letters; 10 in a script that names its language) or empty.")
            .column(LANGUAGE_CONFIDENCE, DataTypes.DoubleType, "Confidence (0-1) of a detected language (the script's share of the letters, the leading language's share of the function-word evidence, or Lingua's); null when the input gave the language.")
            .string(INPUT_FILE, "The file the record came from.")
            .column(ENCODING_REPAIRED, DataTypes.BooleanType, "True when a few undecodable bytes were replaced by U+FFFD.")
            .string(DUPLICATE_OF, "`article_id` of the article this one duplicates (same id, or same normalised title and text); "
                    + "null for originals. Downstream reports skip duplicates unless `ingest.keep_duplicates` is set.")
            .string(DUPLICATE_REASON, "`same_id` or `same_content`; null for originals.")
            .column(EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                    "Every other input field, by its input name; nested JSON values as JSON text.")
            .build();

    private Articles() {
    }
}
