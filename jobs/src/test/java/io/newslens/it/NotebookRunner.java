package io.newslens.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Executes every notebook in notebooks/ headless (jupyter nbconvert, Debian's /usr/bin/python3) against a run's
 * reports; executed copies and the figures go to target/notebooks. Reading Parquet without pyarrow goes
 * through the DuckDB JDBC jar of this test class path.
 */
final class NotebookRunner {
    static final String PYTHON = "/usr/bin/python3";

    private NotebookRunner() {
    }

    /** Null when the machine can execute notebooks, else why not. */
    static String unavailable() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is absent";
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import nbconvert, nbclient, ipykernel, pandas, matplotlib, networkx, scipy, jpype")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? null : "the notebook packages are missing (.ci/run installs them): " + out.strip();
    }

    static String duckdbJar() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("duckdb_jdbc")) {
                return entry;
            }
        }
        throw new IllegalStateException("no duckdb_jdbc jar on the test class path");
    }

    /** Notebooks executing side by side (each is one Python process, mostly waiting on one core). */
    record Running(List<Path> notebooks, List<Process> processes, Path target) {
        /** Waits for all; returns the executed copies, or throws with nbconvert's output of the first that failed. */
        List<Path> await() throws IOException, InterruptedException {
            List<Path> executed = new ArrayList<>();
            String failure = null;
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                Path nb = notebooks.get(i);
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    failure = failure != null ? failure : nb + " did not finish in 15 minutes";
                } else if (p.exitValue() != 0) {
                    failure = failure != null ? failure
                            : "notebook " + nb.getFileName() + " failed:\n" + Files.readString(log(target, nb));
                } else {
                    executed.add(target.resolve(nb.getFileName()));
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return executed;
        }
    }

    private static Path log(Path target, Path notebook) {
        return target.resolve(notebook.getFileName() + ".log");
    }

    /** Starts the notebooks whose file name starts with one of the given prefixes ("" = all); {@link Running#await} them. */
    static Running start(Path repo, Path reports, Path target, String... prefixes) throws IOException {
        Files.createDirectories(target);
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(repo.resolve("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> java.util.Arrays.stream(prefixes).anyMatch(x -> p.getFileName().toString().startsWith(x)))
                    .sorted().toList();
        }
        List<Process> processes = new ArrayList<>();
        for (Path nb : notebooks) {
            // Kernels talk to nbconvert over Unix sockets in a folder of their own: with TCP, kernels started side by
            // side can pick the same free port and one fails to start ("ZMQError: Address already in use", seen in CI).
            Path sockets = Files.createTempDirectory("newslens-kernel");
            sockets.toFile().deleteOnExit();
            ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=600", "--KernelManager.transport=ipc",
                    "--KernelManager.ip=" + sockets.resolve("k"), "--output-dir", target.toString(), nb.toString())
                    .directory(repo.resolve("notebooks").toFile()).redirectErrorStream(true).redirectOutput(log(target, nb).toFile());
            pb.environment().put("NEWSLENS_REPORTS", reports.toString());
            pb.environment().put("NEWSLENS_FIGURES", target.resolve("figures").toString());
            pb.environment().put("NEWSLENS_DUCKDB_JAR", duckdbJar());
            pb.environment().put("MPLBACKEND", "Agg");
            processes.add(pb.start());
        }
        return new Running(notebooks, processes, target);
    }
}
