package io.newslens.text;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.TextOptions;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The text layer as Spark columns. Lucene analyzers and the language detector live once per executor
 * JVM (see {@link Analyzers}, {@link LanguageDetector}); these UDFs only look them up.
 */
public final class TextLayer {
    public static final String CHUNKS = "chunks";
    public static final ArrayType CHUNKS_TYPE = DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType));
    private static final StructType DETECTED = new StructType()
            .add("language", DataTypes.StringType).add("confidence", DataTypes.DoubleType);

    private TextLayer() {
    }

    /** Title and body as one normalised text: what every analysis reads. */
    public static Column analysisText(Column title, Column text) {
        return concat(coalesce(title, lit("")), lit("\n\n"), coalesce(text, lit("")));
    }

    /**
     * Fills {@code language} (where the input had none) and {@code language_confidence} by detection
     * over title and text. A language the input declared is kept, with a null confidence.
     */
    public static Dataset<Row> withLanguage(Dataset<Row> articles, TextOptions options,
                                            String titleCol, String textCol, String languageCol, String confidenceCol) {
        return withLanguage(articles, options, titleCol, textCol, languageCol, confidenceCol, lit(true));
    }

    /** As above, only on the rows where {@code applies} holds (the others keep their columns as they are). */
    public static Dataset<Row> withLanguage(Dataset<Row> articles, TextOptions options, String titleCol, String textCol,
                                            String languageCol, String confidenceCol, Column applies) {
        List<String> languages = options.languages();
        // Checked on the driver: an unknown code would otherwise fail inside an executor, far from the config.
        String unknown = LanguageDetector.unknownCode(languages);
        if (unknown != null) {
            throw new io.newslens.config.ConfigException("text.languages",
                    "'" + unknown + "' is not a language the detector knows (ISO 639-1, e.g. en, zh, de)");
        }
        UserDefinedFunction detect = udf((UDF1<String, Row>) s -> {
            LanguageDetector.Result r = LanguageDetector.detectRaw(s, languages);
            return RowFactory.create(r.language(), r.confidence());
        }, DETECTED).withName("newslens_detect_language");
        Column given = col(languageCol);
        Column detected = detect.apply(analysisText(col(titleCol), col(textCol)));
        Column detects = given.isNull().and(applies);
        return articles
                .withColumn("_detected", when(detects, detected))
                // Confidence first: once language is filled, "was it given?" can no longer be asked.
                .withColumn(confidenceCol, when(detects, col("_detected.confidence")).otherwise(when(not(applies), col(confidenceCol))))
                .withColumn(languageCol, coalesce(given, col("_detected.language")))
                .drop("_detected");
    }

    /** Chunks of tokens (see {@link Tokenizer}) of a title and body in the given language. */
    public static Column chunks(Column title, Column text, Column language, TextOptions options) {
        return chunks(title, text, language, lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)), options);
    }

    /** As above, leaving out the occurrences of the article's outlet's boilerplate ({@link Boilerplate#phrases}). */
    public static Column chunks(Column title, Column text, Column language, Column boilerplate, TextOptions options) {
        UserDefinedFunction tokenize = udf((org.apache.spark.sql.api.java.UDF3<String, String, scala.collection.Seq<String>,
                List<List<String>>>) (s, lang, phrases) -> Tokenizer.of(options).chunks(TextNormalizer.normalize(s), lang,
                phrases == null ? null : new java.util.HashSet<>(scala.jdk.javaapi.CollectionConverters.asJava(phrases))),
                CHUNKS_TYPE).withName("newslens_chunks");
        return tokenize.apply(analysisText(title, text), language, boilerplate);
    }
}
