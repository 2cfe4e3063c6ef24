package io.newslens.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Rendering of report declarations for docs/reports.md, and the types a DuckDB reader sees. */
public final class Reports {
    private Reports() {
    }

    /** The Markdown section docs/reports.md holds for one report (a test keeps the two equal). */
    public static String markdown(ReportSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("## `").append(spec.name()).append("`\n\n").append(spec.description()).append("\n\n");
        sb.append("Partitioned by: ")
                .append(spec.partitionBy().isEmpty() ? "not partitioned" : "`" + String.join("`, `", spec.partitionBy()) + "`")
                .append("\n\n");
        sb.append("| column | Spark type | DuckDB type | meaning |\n|---|---|---|---|\n");
        for (ReportSpec.Column c : spec.columns()) {
            sb.append("| `").append(c.name()).append("` | ").append(c.type().simpleString()).append(" | ")
                    .append(duckdbType(c.type())).append(" | ").append(c.description()).append(" |\n");
        }
        return sb.toString();
    }

    /** The column type DuckDB reports for a Parquet column written by Spark with TIMESTAMP_MICROS. */
    public static String duckdbType(DataType t) {
        return switch (t.typeName()) {
            case "string" -> "VARCHAR";
            case "long" -> "BIGINT";
            case "integer" -> "INTEGER";
            case "short" -> "SMALLINT";
            case "double" -> "DOUBLE";
            case "float" -> "FLOAT";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP WITH TIME ZONE";
            case "timestamp_ntz" -> "TIMESTAMP";
            case "array" -> duckdbType(((ArrayType) t).elementType()) + "[]";
            case "map" -> "MAP(" + duckdbType(((MapType) t).keyType()) + ", " + duckdbType(((MapType) t).valueType()) + ")";
            case "struct" -> {
                List<String> parts = new ArrayList<>();
                for (StructField f : ((StructType) t).fields()) {
                    parts.add(f.name() + " " + duckdbType(f.dataType()));
                }
                yield "STRUCT(" + String.join(", ", parts) + ")";
            }
            default -> throw new IllegalArgumentException("no BI-friendly mapping for " + t.simpleString());
        };
    }
}
