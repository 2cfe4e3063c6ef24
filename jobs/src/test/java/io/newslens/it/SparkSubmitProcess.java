package io.newslens.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the shaded jar through {@code org.apache.spark.deploy.SparkSubmit}, the class behind
 * {@code spark-submit}, with the Spark jars Maven resolved: what a cluster user runs, minus the cluster.
 */
final class SparkSubmitProcess {
    static final Path REPO = Paths.get(System.getProperty("newslens.repo", "..")).toAbsolutePath().normalize();

    /**
     * Expressions interpreted instead of compiled to Java (Spark's test mode), for runs whose checks are about
     * something else (publication, fault recovery): short runs then spend less time compiling generated code.
     * Results are the same (the unit tests run so, see SparkTestSession).
     */
    static final String[] INTERPRETED = {"--conf", "spark.sql.codegen.wholeStage=false",
            "--conf", "spark.sql.codegen.factoryMode=NO_CODEGEN"};

    /**
     * The JIT's first tier only: these runs last a minute or two over a few hundred articles, where the second
     * tier's compilations cost a quarter of the CPU time and win nothing back; the integration tests run side by
     * side on two cores, so CPU time is what they wait for. Results do not depend on it.
     */
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    /**
     * The serial collector: for these small heaps it spends less CPU time than G1 (its concurrent threads), and CPU
     * time is what the integration tests wait for. An ingest of the sample's 380 records, by hand, twice each:
     * 47 s and 49 s of user CPU time with it, 57 s and 53 s with G1. Results do not depend on it.
     */
    static final String SMALL_GC = "-XX:+UseSerialGC";

    private SparkSubmitProcess() {
    }

    static Path jar() {
        return Paths.get(System.getProperty("newslens.jar"));
    }

    static ProcessBuilder builder(Path log, String master, String... newslensArgs) throws IOException {
        return builder(log, master, new String[0], newslensArgs);
    }

    static ProcessBuilder builder(Path log, String master, String[] sparkConf, String... newslensArgs) throws IOException {
        return builder(log, master, List.of(), sparkConf, newslensArgs);
    }

    /** {@code jvmOptions}: system properties for the driver (it runs in this JVM: local and client mode). */
    static ProcessBuilder builder(Path log, String master, List<String> jvmOptions, String[] sparkConf, String... newslensArgs)
            throws IOException {
        String sparkClasspath = Files.readString(Paths.get(System.getProperty("newslens.sparkClasspath"))).trim();
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.add(QUICK_JIT);
        cmd.add(SMALL_GC);
        cmd.addAll(Arrays.asList(System.getProperty("newslens.jvmOpens").trim().split("\\s+")));
        cmd.add("-Dlog4j2.configurationFile=" + REPO.resolve("conf/log4j2.properties"));
        // Spark's own log beside newslens's output, shown by tail() when a check fails.
        cmd.add("-Dnewslens.log.file=" + sparkLog(log));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", sparkClasspath, "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false"));
        cmd.addAll(Arrays.asList(sparkConf));
        cmd.addAll(List.of("--class", "io.newslens.cli.Main", jar().toString()));
        cmd.addAll(Arrays.asList(newslensArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb;
    }

    /** Runs to the end (at most 10 minutes: the integration tests share two cores) and checks the exit code is 0, showing the log's tail if not. */
    static void runToSuccess(Path log, String master, String... newslensArgs) throws Exception {
        runToSuccess(log, master, new String[0], newslensArgs);
    }

    static void runToSuccess(Path log, String master, String[] sparkConf, String... newslensArgs) throws Exception {
        Process p = builder(log, master, sparkConf, newslensArgs).start();
        try {
            org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES),
                    "SparkSubmit finished in time: " + tail(log));
            org.junit.jupiter.api.Assertions.assertEquals(0, p.exitValue(), tail(log));
        } finally {
            p.destroyForcibly();
        }
    }

    static Path sparkLog(Path log) {
        return log.resolveSibling(log.getFileName() + ".spark");
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        String out = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        Path spark = sparkLog(log);
        if (Files.exists(spark)) {
            List<String> sl = Files.readAllLines(spark);
            out += "\n--- Spark's log (" + spark + "), last lines:\n" + String.join("\n", sl.subList(Math.max(0, sl.size() - 40), sl.size()));
        }
        return out;
    }

    static File file(Path p) {
        return p.toFile();
    }
}
