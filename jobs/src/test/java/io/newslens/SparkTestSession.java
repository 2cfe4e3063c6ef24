package io.newslens;

import io.newslens.cli.Spark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** The one local SparkSession the whole test suite shares, configured as production runs are. */
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
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
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
