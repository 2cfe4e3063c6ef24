package io.newslens.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The shaded jar's local[2] run of {@code all} on data/sample, made once per Failsafe JVM: SparkSubmitIT checks it and
 * runs the notebooks on it, StandaloneClusterIT compares the cluster's reports with it. One run instead of two keeps CI
 * within its time budget; neither test writes into it.
 */
final class SampleRun {
    record Result(Path output, Path log) {
    }

    private static Result done;

    private SampleRun() {
    }

    static synchronized Result local() throws Exception {
        if (done == null) {
            Path base = SparkSubmitProcess.jar().getParent().resolve("it-sample-run");
            if (Files.exists(base)) {
                try (Stream<Path> s = Files.walk(base)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(base);
            Path out = base.resolve("out");
            Path log = base.resolve("submit.log");
            SparkSubmitProcess.runToSuccess(log, "local[2]", "all", "--config", "data/sample/newslens.yaml",
                    "--output", out.toString());
            done = new Result(out, log);
        }
        return done;
    }
}
