package io.newslens;

import io.newslens.cli.Spark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession the whole test suite shares, configured as production runs are but for one thing:
 * expressions are interpreted instead of compiled to Java (Spark's own test mode). On fixtures of a few rows,
 * generating and compiling code is most of a query's time, and the suite runs thousands of such queries; results
 * are the same. A Spark-heavy test over a whole corpus compiles, as production does ({@link #compiled}); the
 * integration tests run the shaded jar as shipped.
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
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** Runs {@code work} with generated code compiled, as production runs do: for tests over tens of thousands of rows. */
    public static <T> T compiled(java.util.function.Supplier<T> work) {
        SparkSession s = get();
        s.conf().set("spark.sql.codegen.wholeStage", "true");
        s.conf().set("spark.sql.codegen.factoryMode", "FALLBACK");
        try {
            return work.get();
        } finally {
            s.conf().set("spark.sql.codegen.wholeStage", "false");
            s.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
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
