package io.newslens.ingest;

import io.newslens.text.Articles;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ltrim;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.IngestOptions;
import io.newslens.config.InputSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads files of one format into raw records, one row per input record, whatever happens to it later:
 * {@code input_file, raw, fields, read_error, read_detail, encoding_repaired}. {@code fields} holds every
 * top-level field as text (nested JSON as JSON text); {@code read_error} is null when the record parsed.
 * Records are never dropped here: a record that cannot be parsed keeps its raw text and a reason.
 */
public final class RecordReaders {
    public static final String INPUT_FILE = Articles.INPUT_FILE;
    public static final String RAW = "raw";
    public static final String FIELDS = "fields";
    public static final String READ_ERROR = "read_error";
    public static final String READ_DETAIL = "read_detail";
    public static final String ENCODING_REPAIRED = Articles.ENCODING_REPAIRED;

    static final MapType STRING_MAP = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
    private static final String FILE_PATH = "_metadata.file_path";
    private static final String REPLACEMENT_CHAR = "\uFFFD";

    private RecordReaders() {
    }

    public static Dataset<Row> read(SparkSession spark, InputFiles.Group group, IngestOptions options) {
        List<String> files = group.files();
        String[] paths = files.toArray(String[]::new);
        InputSpec spec = group.spec();
        int cores = spark.sparkContext().defaultParallelism();
        return switch (group.format()) {
            case JSONL -> jsonLines(spread(spark.read().text(paths), cores), options);
            case JSON -> jsonDocuments(spread(spark.read().option("wholetext", true).text(paths), cores), options);
            case TEXT -> textFiles(spread(spark.read().option("wholetext", true).text(paths), cores), options);
            case CSV -> spread(csv(spark, paths, spec.csvDelimiter()), cores);
            case PARQUET -> spread(parquet(spark.read().option("mergeSchema", true).parquet(paths)), cores);
        };
    }

    /**
     * A gzip file is one task: its lines are handed to every core before they are parsed, so only the
     * decompression is single-threaded (parsing in the reading task made it the bottleneck of ingest).
     * The file path is taken first: {@code _metadata} exists only on the file scan.
     */
    private static Dataset<Row> spread(Dataset<Row> read, int cores) {
        Dataset<Row> withFile = java.util.Arrays.asList(read.columns()).contains(INPUT_FILE) ? read
                : read.select(col(FILE_PATH).as(INPUT_FILE), col("value"));
        // Hash partitioning by content: deterministic on a retry without the local sort that round-robin
        // repartitioning does first (one task sorting a whole gzip file's lines).
        Column content = java.util.Arrays.asList(withFile.columns()).contains("value") ? col("value") : col(RAW);
        return withFile.rdd().getNumPartitions() < cores ? withFile.repartition(cores, content) : withFile;
    }

    /**
     * Lines of a text source ({@code input_file}, {@code value}: raw bytes) into raw JSON records. Blank lines are not records.
     */
    public static Dataset<Row> jsonLines(Dataset<Row> lines, IngestOptions options) {
        Dataset<Row> decoded = decode(lines, options);
        return parseJson(decoded.filter(length(trim(col(RAW))).gt(0)), "line");
    }

    /** Whole files ({@code input_file}, {@code value}) each holding one JSON object or an array of them. */
    public static Dataset<Row> jsonDocuments(Dataset<Row> documents, IngestOptions options) {
        Dataset<Row> decoded = decode(documents, options)
                .filter(length(trim(col(RAW))).gt(0));
        Column isArray = ltrim(col(RAW)).startsWith("[");
        // Each element comes back as its JSON text; an array that does not parse stays one record.
        Column elements = from_json(col(RAW), DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> records = decoded.select(col(INPUT_FILE), col(ENCODING_REPAIRED), col("bad_utf8"),
                explode(when(isArray, coalesce(elements, array(col(RAW)))).otherwise(array(col(RAW)))).as(RAW));
        return parseJson(records, "document");
    }

    /** One article per file: the first non-blank line is the title unless the options say otherwise. */
    public static Dataset<Row> textFiles(Dataset<Row> documents, IngestOptions options) {
        Dataset<Row> decoded = decode(documents, options);
        Column fileName = regexp_extract(col(INPUT_FILE), "([^/]+)$", 1);
        Column fields = options.textTitleFromFirstLine()
                ? map_from_arrays(array(lit("title"), lit("text"), lit("file_name")), array(
                        trim(regexp_extract(col(RAW), "^\\s*([^\\r\\n]*)", 1)),
                        regexp_replace(col(RAW), "^\\s*[^\\r\\n]*\\r?\\n?", ""),
                        fileName))
                : map_from_arrays(array(lit("text"), lit("file_name")), array(col(RAW), fileName));
        return decoded.select(col(INPUT_FILE), col(RAW), fields.as(FIELDS),
                when(col("bad_utf8"), lit("invalid_utf8")).as(READ_ERROR),
                when(col("bad_utf8"), lit("too many bytes that are not UTF-8")).as(READ_DETAIL),
                col(ENCODING_REPAIRED));
    }

    /**
     * CSV with a header; RFC 4180 quoting (a quote inside a field is doubled; fields may span lines).
     * A row Spark's parser rejects (e.g. a wrong number of fields) is kept as {@code malformed_csv}.
     */
    public static Dataset<Row> csv(SparkSession spark, String[] paths, String delimiter) {
        var reader = spark.read().option("header", true).option("multiLine", true)
                .option("escape", "\"").option("sep", delimiter).option("mode", "PERMISSIVE");
        String[] names = reader.csv(paths).columns();
        if (names.length == 0) {
            // Only empty files: no header, no records.
            return spark.createDataFrame(List.of(), schema());
        }
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField("_corrupt_record", DataTypes.StringType, true));
        Dataset<Row> rows = reader.schema(DataTypes.createStructType(fields))
                .option("columnNameOfCorruptRecord", "_corrupt_record").csv(paths);
        Column[] keys = new Column[names.length];
        Column[] values = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = lit(names[i]);
            values[i] = col("`" + names[i] + "`");
        }
        Column map = map_filter(map_from_arrays(array(keys), array(values)), (k, v) -> v.isNotNull());
        Column corrupt = col("_corrupt_record").isNotNull();
        return rows.select(col(FILE_PATH).as(INPUT_FILE),
                        coalesce(col("_corrupt_record"), to_json(map)).as(RAW),
                        when(not(corrupt), map).as(FIELDS),
                        when(corrupt, lit("malformed_csv")).as(READ_ERROR),
                        when(corrupt, lit("row does not parse as CSV with the file's header (wrong number of fields or broken quoting)"))
                                .as(READ_DETAIL))
                .withColumn(ENCODING_REPAIRED, col(RAW).contains(REPLACEMENT_CHAR));
    }

    /** Parquet rows: every column becomes a text field (timestamps as ISO-8601 UTC, nested values as JSON). */
    public static Dataset<Row> parquet(Dataset<Row> rows) {
        List<Column> kv = new ArrayList<>();
        List<Column> all = new ArrayList<>();
        for (StructField f : rows.schema().fields()) {
            Column c = col("`" + f.name() + "`");
            all.add(c);
            kv.add(lit(f.name()));
            kv.add(asText(c, f.dataType()));
        }
        Column map = map_filter(org.apache.spark.sql.functions.map(kv.toArray(Column[]::new)), (k, v) -> v.isNotNull());
        return rows.select(col(FILE_PATH).as(INPUT_FILE),
                to_json(struct(all.toArray(Column[]::new))).as(RAW),
                map.as(FIELDS),
                lit(null).cast(DataTypes.StringType).as(READ_ERROR),
                lit(null).cast(DataTypes.StringType).as(READ_DETAIL),
                lit(false).as(ENCODING_REPAIRED));
    }

    private static Column asText(Column c, DataType t) {
        if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
            return to_json(c);
        }
        if (t.equals(DataTypes.TimestampType)) {
            return date_format(c, "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
        }
        if (t.equals(DataTypes.BinaryType)) {
            return org.apache.spark.sql.functions.base64(c);
        }
        return c.cast(DataTypes.StringType);
    }

    public static StructType schema() {
        return new StructType()
                .add(INPUT_FILE, DataTypes.StringType)
                .add(RAW, DataTypes.StringType)
                .add(FIELDS, STRING_MAP)
                .add(READ_ERROR, DataTypes.StringType)
                .add(READ_DETAIL, DataTypes.StringType)
                .add(ENCODING_REPAIRED, DataTypes.BooleanType);
    }

    /**
     * Text read as raw bytes into {@code raw} (valid UTF-8, BOM removed), {@code encoding_repaired} and
     * {@code bad_utf8}: undecodable bytes become U+FFFD; more of them than the allowed share of the
     * record makes it {@code bad_utf8} (quarantined as invalid_utf8).
     */
    static Dataset<Row> decode(Dataset<Row> withValue, IngestOptions options) {
        Column valid = call_function("is_valid_utf8", col("value"));
        Column repaired = call_function("make_valid_utf8", col("value"));
        Column replaced = length(col(RAW)).minus(length(replace(col(RAW), lit(REPLACEMENT_CHAR), lit(""))));
        return withValue
                .withColumn(ENCODING_REPAIRED, not(valid))
                .withColumn(RAW, regexp_replace(when(col(ENCODING_REPAIRED), repaired).otherwise(col("value")), "^\uFEFF", ""))
                .withColumn("bad_utf8", col(ENCODING_REPAIRED).and(
                        replaced.gt(length(col(RAW)).multiply(options.maxInvalidUtf8Share()))))
                .drop("value");
    }

    /** Parses {@code raw} JSON objects into {@code fields}; duplicate keys: the last one wins. */
    private static Dataset<Row> parseJson(Dataset<Row> records, String unit) {
        Column parsed = map_from_entries(map_entries(from_json(col(RAW), STRING_MAP)));
        Column badUtf8 = col("bad_utf8");
        Dataset<Row> withFields = records.withColumn(FIELDS, when(not(badUtf8), parsed));
        Column error = when(badUtf8, lit("invalid_utf8")).when(col(FIELDS).isNull(), lit("malformed_json"));
        Column detail = when(badUtf8, lit("too many bytes that are not UTF-8"))
                .when(col(FIELDS).isNull(), concat(lit("the " + unit + " is not a JSON object"),
                        when(ltrim(col(RAW)).startsWith("{"), lit(" (broken or truncated JSON)")).otherwise(lit(""))));
        return withFields.select(col(INPUT_FILE), col(RAW), col(FIELDS), error.as(READ_ERROR), detail.as(READ_DETAIL),
                col(ENCODING_REPAIRED));
    }
}
