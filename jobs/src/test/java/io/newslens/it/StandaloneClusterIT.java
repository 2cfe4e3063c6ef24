package io.newslens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (one Master, two Workers, started from the Spark jars
 * Maven resolved), {@code newslens all} on data/sample submitted to it through SparkSubmit, and every
 * report compared with a local[2] run of the same jar ({@link SampleRun}): the same rows, order aside; doubles within a
 * relative 1e-9 (see {@link ReportComparison}), although one executor is killed mid-job. Everything started is stopped by PID.
 */
class StandaloneClusterIT {
    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void log(String message) {
        System.err.println("[cluster-it] " + message);
    }

    /** SPARK_HOME with a jars/ folder of links to the resolved Spark jars: what a Worker launches executors from. */
    private Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : Files.readString(Paths.get(System.getProperty("newslens.sparkClasspath"))).trim().split(":")) {
            Path p = Paths.get(jar);
            Path link = jars.resolve(p.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, p);
            }
        }
        return home;
    }

    private Process startDaemon(Path home, String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", SparkSubmitProcess.QUICK_JIT, SparkSubmitProcess.SMALL_GC));
        cmd.addAll(List.of(System.getProperty("newslens.jvmOpens").trim().split("\\s+")));
        cmd.add("-Dlog4j2.configurationFile=" + SparkSubmitProcess.REPO.resolve("conf/log4j2-daemon.properties"));
        cmd.addAll(List.of("-cp", home.resolve("jars").toString() + "/*"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_WORKER_DIR", dir.resolve(name + "-work").toString());
        Process p = pb.start();
        started.add(p);
        log("started " + name + " pid " + p.pid());
        return p;
    }

    private void await(Path logFile, String text, int times, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(logFile)) {
                String s = Files.readString(logFile);
                int n = 0;
                for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
                    n++;
                }
                if (n >= times) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' x" + times + " not seen in " + logFile + ":\n"
                + (Files.exists(logFile) ? SparkSubmitProcess.tail(logFile) : "(no log)"));
    }

    private static Process start(Path log, String master, Path output, String... conf) throws Exception {
        return SparkSubmitProcess.builder(log, master, conf, "all", "--config", "data/sample/newslens.yaml",
                "--output", output.toString()).start();
    }

    private static void finish(Process p, Path log, String master) throws Exception {
        try {
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "run on " + master + " finished in time");
            assertEquals(0, p.exitValue(), SparkSubmitProcess.tail(log));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void clusterRunEqualsLocalRun() throws Exception {
        Path home = sparkHome();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        try {
            startDaemon(home, "master", List.of("org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
            await(dir.resolve("master.log"), "I have been elected leader", 1, 60);
            log("master up at " + master);
            for (String w : List.of("worker1", "worker2")) {
                startDaemon(home, w, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "2g", "--webui-port", String.valueOf(freePort()), master));
            }
            await(dir.resolve("master.log"), "Registering worker", 2, 60);
            log("2 workers registered with the master");

            // The cluster run interprets expressions (as the unit tests do): on a cluster every executor JVM would
            // compile the generated code again, and what this test checks is distribution and a lost executor. The
            // local run it is compared with compiles them, so the comparison also checks that both give the same reports.
            List<String> confList = new ArrayList<>(List.of("--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
                    "--conf", "spark.sql.shuffle.partitions=4", "--conf", "spark.executor.extraJavaOptions=" + SparkSubmitProcess.QUICK_JIT + " " + SparkSubmitProcess.SMALL_GC));
            confList.addAll(List.of(SparkSubmitProcess.INTERPRETED));
            String[] conf = confList.toArray(String[]::new);
            // One cluster run (CI runs the heavy checks once), with a fault: worker1's executor is killed while the
            // job tokenises and counts terms. Spark relaunches it and the reports still equal the local run's.
            Path clusterOut = dir.resolve("cluster");
            Path clusterLog = dir.resolve("cluster-submit.log");
            Process run = start(clusterLog, master, clusterOut, conf);
            await(clusterLog, "stage terms started", 1, 600);
            ProcessHandle worker1 = started.get(1).toHandle();
            List<ProcessHandle> executors = worker1.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
            assertEquals(1, executors.size(), "one executor under worker1");
            executors.get(0).destroyForcibly();
            log("killed executor pid " + executors.get(0).pid() + " of worker1 during stage terms");
            finish(run, clusterLog, master);
            log("stages on the cluster: " + Files.readAllLines(clusterLog).stream().filter(l -> l.contains("] stage "))
                    .collect(Collectors.joining(" | ")));
            await(dir.resolve("master.log"), "Removing app", 1, 60);
            log("application with a killed executor completed on the cluster: " + Files.readAllLines(dir.resolve("master.log")).stream()
                    .filter(l -> l.contains("Registered app") || l.contains("Removing app") || l.contains("Removing executor")
                            || l.contains("Launching executor"))
                    .collect(Collectors.joining(" | ")));
            await(dir.resolve("worker1.log"), "Asked to launch executor", 2, 10);
            await(dir.resolve("worker2.log"), "Asked to launch executor", 1, 10);
            log("both workers ran an executor; worker1 a second one after the kill");
            ReportComparison.assertSame(clusterOut, SampleRun.local().output(), "cluster with a killed executor");
        } finally {
            for (Process p : started) {
                p.destroy();
            }
            for (Process p : started) {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                log("stopped pid " + p.pid());
            }
        }
    }

}
