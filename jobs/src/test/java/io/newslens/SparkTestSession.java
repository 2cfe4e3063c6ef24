package io.newslens;

import io.newslens.cli.Spark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession the whole test suite shares, configured as production runs are but for two things:
 * expressions are interpreted instead of compiled to Java (Spark's own test mode), and adaptive execution is off (a
 * plan is not re-optimised after each of its shuffles). On fixtures of a few rows, generating and compiling code is
 * most of a query's time, and re-planning costs more than it saves; the suite runs thousands of such queries, and
 * results are the same. A Spark-heavy test over a whole corpus runs as production does ({@link #compiled}); the
 * integration tests run the shaded jar as shipped (the sample's local run) and in this test mode (the cluster's
 * run, compared with it).
 */
public final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = Spark.configure(SparkSession.builder())
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /**
     * Runs {@code work} with generated code compiled and adaptive execution on, as production runs do: for tests over
     * tens of thousands of rows.
     */
    public static <T> T compiled(java.util.function.Supplier<T> work) {
        SparkSession s = get();
        s.conf().set("spark.sql.codegen.wholeStage", "true");
        s.conf().set("spark.sql.codegen.factoryMode", "FALLBACK");
        s.conf().set("spark.sql.adaptive.enabled", "true");
        try {
            return work.get();
        } finally {
            s.conf().set("spark.sql.codegen.wholeStage", "false");
            s.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
            s.conf().set("spark.sql.adaptive.enabled", "false");
        }
    }

    /** The shared corpora next to the repo, or null (tests over them then skip with a message). */
    public static Path shared() {
        Path p = Paths.get(System.getProperty("newslens.shared", "../../shared"));
        return Files.isDirectory(p.resolve("corpora")) ? p.normalize() : null;
    }

    public static Path repo() {
        return Paths.get(System.getProperty("newslens.repo", "..")).toAbsolutePath().normalize();
    }
}
