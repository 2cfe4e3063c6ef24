package io.newslens.cli;

import org.apache.spark.sql.SparkSession;

/** The session settings every newslens run needs; the master comes from spark-submit or -Dspark.master. */
public final class Spark {
    private Spark() {
    }

    public static SparkSession.Builder configure(SparkSession.Builder builder) {
        return builder
                .appName("newslens")
                // Dates and periods are computed in UTC unless the config says otherwise.
                .config("spark.sql.session.timeZone", "UTC")
                // INT96 (Spark's default) loses the zone for DuckDB and others.
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                // A JSON record with a repeated key keeps the last value instead of failing the run.
                .config("spark.sql.mapKeyDedupPolicy", "LAST_WIN")
                // Needed to replace only the date partitions a run recomputes.
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic");
    }

    public static SparkSession session() {
        return configure(SparkSession.builder()).getOrCreate();
    }
}
