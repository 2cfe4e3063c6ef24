package io.newslens.cli;

import org.apache.spark.sql.SparkSession;

/** The session settings every newslens run needs; the master comes from spark-submit or -Dspark.master. */
public final class Spark {
    static final String LOCAL_FILE_SYSTEM = "spark.hadoop.fs.file.impl";
    private static final String TYPES_FRAMEWORK = "spark.sql.types.framework.enabled";

    private Spark() {
    }

    public static SparkSession.Builder configure(SparkSession.Builder builder) {
        // Local paths without a chmod or ls process per file (NioLocalFileSystem says why), unless the user chose
        // a file system for them (--conf spark.hadoop.fs.file.impl=...).
        if (!new org.apache.spark.SparkConf().contains(LOCAL_FILE_SYSTEM)) {
            builder.config(LOCAL_FILE_SYSTEM, io.newslens.report.NioLocalFileSystem.class.getName());
        }
        // Spark 4.2 reads this flag for every value an interpreted expression takes from a row (struct fields,
        // filter and transform over arrays) and, while it is unset, works out its default (false outside Spark's
        // own tests) with a System.getenv each time: a fifth of actor_candidates' CPU time. Set to that default.
        if (!new org.apache.spark.SparkConf().contains(TYPES_FRAMEWORK)) {
            builder.config(TYPES_FRAMEWORK, "false");
        }
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
        return tuneLocal(configure(SparkSession.builder()).getOrCreate());
    }

    /**
     * A local master with Spark's default of 200 shuffle partitions spends most of a small run starting
     * tasks (the sample's term stage: 126 s against 14 s with 4). Unless the user set a value, local runs
     * use twice the cores; cluster runs keep what the user or the cluster configured.
     */
    public static SparkSession tuneLocal(SparkSession spark) {
        String key = "spark.sql.shuffle.partitions";
        if (spark.sparkContext().isLocal() && !spark.sparkContext().getConf().contains(key)) {
            spark.conf().set(key, String.valueOf(2 * spark.sparkContext().defaultParallelism()));
        }
        return spark;
    }
}
