package io.newslens.ingest;

import io.newslens.text.Articles;
import static io.newslens.ingest.IngestReports.*;
import static io.newslens.text.Articles.*;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_like;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.InputSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Raw records of one input into canonical article columns plus a verdict: {@code reason} is null for
 * an article and names why otherwise (then {@code raw} and {@code detail} explain). One row in, one row out.
 */
public final class ArticleMapper {
    public static final String RAW = RecordReaders.RAW;
    /** The input fields of the input's explicit mapping that are not blank in this record (for the gates). */
    public static final String MAPPED_FILLED = "mapped_filled";

    /** (raw date, zone, the input's date patterns joined by newlines) to a timestamp, or null. */
    private static final UserDefinedFunction PARSE_DATE = udf((UDF3<String, String, String, Timestamp>) (raw, zone, patterns) -> {
        Instant t = DateParser.parse(raw, ZoneId.of(zone), patterns.isEmpty() ? List.of() : List.of(patterns.split("\n")));
        return t == null ? null : Timestamp.from(t);
    }, DataTypes.TimestampType).withName("newslens_parse_date");
    /** A host name as its outlet (see {@link Outlets#ofHost}); names that are not host names pass through. */
    private static final UserDefinedFunction OUTLET = udf((org.apache.spark.sql.api.java.UDF1<String, String>) v ->
            Outlets.isHost(v) ? Outlets.ofHost(v) : v, DataTypes.StringType).withName("newslens_outlet");

    /**
     * The record's fields less those mapped to canonical columns, in the record's order. A UDF rather than
     * map_filter: a higher-order function is evaluated without code generation, and on Spark 4.2 every
     * interpreted array element read builds a fresh SQLConf in the task (TypeOps checks a flag), which made
     * this one expression the largest cost of ingest (a sixth of its CPU in a profile of Reuters ×2).
     */
    private static final UserDefinedFunction EXTRA_FIELDS = udf(
            (UDF3<scala.collection.Seq<String>, scala.collection.Seq<String>, scala.collection.Seq<String>,
                    Map<String, String>>) (keys, values, used) -> {
                if (keys == null) {
                    return null;
                }
                java.util.Set<String> drop = new java.util.HashSet<>();
                for (int i = 0; i < used.size(); i++) {
                    drop.add(used.apply(i));
                }
                Map<String, String> extra = new java.util.LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    if (!drop.contains(keys.apply(i))) {
                        extra.put(keys.apply(i), values.apply(i));
                    }
                }
                return extra;
            }, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)).withName("newslens_extra_fields");

    private ArticleMapper() {
    }

    /**
     * A title or text that was not a JSON string in the record (an object, array, number or boolean): the map
     * of fields holds such values as their JSON text, so the raw record is asked, and only where the value
     * looks like one (a cheap anchored test first: the raw text is scanned for few records).
     */
    private static Column wrongType(Column value, Column key) {
        Column looksNonString = value.rlike("^\\s*[\\[{]").or(value.rlike("^(-?[0-9.eE+]+|true|false)$"));
        Column rawSaysSo = regexp_like(col(RAW), concat(lit("\"\\Q"), key, lit("\\E\"\\s*:\\s*[^\"\\s]")));
        return coalesce(looksNonString.and(rawSaysSo), lit(false));
    }

    /**
     * @param raw         records as {@link RecordReaders} gives them
     * @param spec        the input they came from (mapping, default source and zone)
     * @param runTimezone zone of {@code published_date} and default zone for zone-less dates
     */
    public static Dataset<Row> map(Dataset<Row> raw, InputSpec spec, String runTimezone) {
        Map<String, List<String>> candidates = FieldMapping.candidates(spec);
        Column fields = col(RecordReaders.FIELDS);
        List<Column> usedKeys = new ArrayList<>();
        Column[] values = new Column[FieldMapping.CANONICAL.size()];
        for (int i = 0; i < values.length; i++) {
            List<String> keys = candidates.get(FieldMapping.CANONICAL.get(i));
            Column value = lit(null).cast(DataTypes.StringType);
            Column used = lit(null).cast(DataTypes.StringType);
            for (int k = keys.size() - 1; k >= 0; k--) {
                Column v = fields.getItem(keys.get(k));
                Column present = v.isNotNull().and(length(trim(v)).gt(0));
                value = when(present, v).otherwise(value);
                used = when(present, lit(keys.get(k))).otherwise(used);
            }
            values[i] = value;
            usedKeys.add(used);
        }
        Column id = trim(values[0]);
        Column title = coalesce(values[1], lit(""));
        Column text = coalesce(values[2], lit(""));
        Column publishedRaw = values[3];
        Column sourceValue = trim(values[4]);
        Column url = trim(values[5]);
        Column authors = values[6];
        Column language = lower(trim(values[7]));

        String zone = spec.timezone() != null ? spec.timezone() : runTimezone;
        Column publishedAt = PARSE_DATE.apply(publishedRaw, lit(zone), lit(String.join("\n", spec.dateFormat())));
        Column urlHost = regexp_extract(url, "^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)", 1);
        Column sourceHost = regexp_extract(sourceValue, "^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)", 1);
        // Hosts become outlets: registered domain, an outlet's own shortener its outlet, a generic one nothing.
        Column source = coalesce(
                when(sourceValue.rlike("^[a-zA-Z][a-zA-Z0-9+.-]*://"), when(length(sourceHost).gt(0), OUTLET.apply(sourceHost)))
                        .otherwise(OUTLET.apply(sourceValue)),
                OUTLET.apply(lit(spec.source()).cast(DataTypes.StringType)),
                when(length(urlHost).gt(0), OUTLET.apply(urlHost)));
        Column authorList = when(authors.isNull(), array().cast(DataTypes.createArrayType(DataTypes.StringType)))
                .when(trim(authors).startsWith("["), from_json(authors, DataTypes.createArrayType(DataTypes.StringType)))
                .otherwise(split(authors, "\\s*[;|]\\s*"));
        Column cleanAuthors = filter(transform(coalesce(authorList, array(authors)), a -> trim(a)),
                a -> a.isNotNull().and(length(a).gt(0)));
        // Nulls (canonical fields the record lacks) are harmless here: no key is null.
        Column used = array(usedKeys.toArray(Column[]::new));
        Column extra = EXTRA_FIELDS.apply(map_keys(fields), map_values(fields), used);

        Column contentHash = sha2(concat(title, lit("\n"), text), 256);
        Column articleId = when(id.isNotNull(), id)
                .when(url.isNotNull(), concat(lit("u"), substring(sha2(url, 256), 1, 20)))
                .otherwise(concat(lit("c"), substring(contentHash, 1, 20)));

        Column readError = col(RecordReaders.READ_ERROR);
        Column empty = length(trim(title)).equalTo(0).and(length(trim(text)).equalTo(0));
        Column wrongTitle = wrongType(values[1], usedKeys.get(1));
        Column wrongText = wrongType(values[2], usedKeys.get(2));
        Column reason = when(readError.isNotNull(), readError).when(wrongTitle.or(wrongText), lit("wrong_type"))
                .when(empty, lit("empty_article"));
        Column detail = when(readError.isNotNull(), col(RecordReaders.READ_DETAIL))
                .when(wrongText, concat(lit("field '"), usedKeys.get(2), lit("' (the text) is not a string but "),
                        substring(values[2], 1, 60)))
                .when(wrongTitle, concat(lit("field '"), usedKeys.get(1), lit("' (the title) is not a string but "),
                        substring(values[1], 1, 60)))
                .when(empty, concat(lit("no text and no title (fields present: "),
                        concat_ws(", ", map_keys(fields)), lit(")")));

        Column mappedFilled = filter(array(spec.mapping().values().stream().sorted()
                .map(name -> when(length(trim(fields.getItem(name))).gt(0), lit(name)))
                .toArray(Column[]::new)).cast(DataTypes.createArrayType(DataTypes.StringType)), x -> x.isNotNull());

        return raw.select(
                articleId.as(ARTICLE_ID),
                title.as(TITLE),
                text.as(TEXT),
                publishedAt.as(PUBLISHED_AT),
                // An undated record of an input with a default date gets that date, not a timestamp: published_at
                // stays null, so the default is never mistaken for a time the source gave.
                coalesce(to_date(from_utc_timestamp(publishedAt, runTimezone)),
                        lit(spec.defaultPublished()).cast(DataTypes.DateType)).as(PUBLISHED_DATE),
                publishedRaw.as(PUBLISHED_RAW),
                source.as(SOURCE),
                url.as(URL),
                cleanAuthors.as(AUTHORS),
                language.as(LANGUAGE),
                lit(null).cast(DataTypes.DoubleType).as(LANGUAGE_CONFIDENCE),
                col(INPUT_FILE),
                col(ENCODING_REPAIRED),
                lit(null).cast(DataTypes.StringType).as(DUPLICATE_OF),
                lit(null).cast(DataTypes.StringType).as(DUPLICATE_REASON),
                when(fields.isNotNull(), extra).as(EXTRA),
                col(RAW),
                reason.as(REASON),
                detail.as(DETAIL),
                mappedFilled.as(MAPPED_FILLED));
    }
}
