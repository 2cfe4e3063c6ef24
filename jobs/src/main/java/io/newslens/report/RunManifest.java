package io.newslens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code OUTPUT/_manifest.json}: what ran, on what, with which counts and timings. Built up while the
 * run goes; written last, so a manifest on disk always describes complete reports.
 */
public final class RunManifest {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, Object>> stages = new ArrayList<>();
    private final Map<String, Object> reports = new LinkedHashMap<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    public RunManifest(String runId, String command, String sparkVersion, Object config) {
        root.put("run_id", runId);
        root.put("command", command);
        root.put("newslens_version", newslensVersion());
        root.put("spark_version", sparkVersion);
        root.put("started_at", Instant.now().toString());
        root.put("config", config);
        root.put("counts", counts);
        root.put("stages", stages);
        root.put("reports", reports);
        root.put("warnings", warnings);
    }

    /** Something the user should know that does not stop the run: logged now, repeated at the end, kept here. */
    public void warn(String message) {
        warnings.add(message);
        Progress.log("warning: " + message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public static String newslensVersion() {
        String v = RunManifest.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public String runId() {
        return (String) root.get("run_id");
    }

    public void put(String key, Object value) {
        root.put(key, value);
    }

    /** Counts of one stage, also kept in the top-level {@code counts} under the stage name. */
    public void counts(String stage, Map<String, ?> values) {
        counts.put(stage, new LinkedHashMap<>(values));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> counts(String stage) {
        return (Map<String, Object>) counts.get(stage);
    }

    public void report(String name, long rows, List<String> partitionBy, double seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", rows);
        r.put("partitioned_by", partitionBy);
        r.put("seconds", seconds);
        reports.put(name, r);
    }

    /**
     * For a run that republishes an earlier one unchanged: that run's counts, reports and input files, so this
     * manifest describes the reports it publishes, and {@code unchanged_since} naming it.
     */
    @SuppressWarnings("unchecked")
    public void republishes(com.fasterxml.jackson.databind.JsonNode previous) {
        ObjectMapper json = new ObjectMapper();
        counts.putAll(json.convertValue(previous.path("counts"), Map.class));
        reports.putAll(json.convertValue(previous.path("reports"), Map.class));
        if (previous.has("input_files")) {
            root.put("input_files", json.convertValue(previous.get("input_files"), Map.class));
        }
        root.put("unchanged_since", previous.path("run_id").asText());
    }

    /** Records an incremental report: which partitions this run replaces (the others are left as they were). */
    @SuppressWarnings("unchecked")
    public void replacedPartitions(String report, String from, List<String> partitions) {
        Map<String, Object> r = (Map<String, Object>) reports.get(report);
        r.put("incremental_from", from);
        r.put("replaced_partitions", partitions);
    }

    private RunMetrics metrics;

    /** Stages closed from now on also record shuffle bytes and the driver's peak heap. */
    public void metrics(RunMetrics m) {
        this.metrics = m;
    }

    public Stage stage(String name) {
        return new Stage(name);
    }

    public String toJson(String status) {
        root.put("status", status);
        root.put("finished_at", Instant.now().toString());
        root.put("wall_seconds", round((System.nanoTime() - startNanos) / 1e9));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise the run manifest", e);
        }
    }

    /** Figures in progress lines: fractions to four significant digits (the manifest keeps them whole). */
    static Object rounded(Object value) {
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite() && d != Math.rint(d)) {
            return new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Times a stage; closing it records the wall time and logs one progress line. */
    public final class Stage implements AutoCloseable {
        private final String name;
        private final long start = System.nanoTime();
        private final Map<String, Object> stageCounts = new LinkedHashMap<>();
        private final long[] shuffleAtStart;

        private Stage(String name) {
            this.name = name;
            this.shuffleAtStart = metrics == null ? null : metrics.shuffleBytes();
            if (metrics != null) {
                metrics.takePeakHeap();
                metrics.takePeakHeapAfterGc();
            }
            Progress.log("stage " + name + " started");
            StageProgress.current(name);
        }

        public Stage count(String key, Object value) {
            stageCounts.put(key, value);
            return this;
        }

        @Override
        public void close() {
            double seconds = round((System.nanoTime() - start) / 1e9);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("seconds", seconds);
            s.put("counts", stageCounts);
            if (metrics != null) {
                long[] now = metrics.shuffleBytes();
                s.put("shuffle_write_bytes", now[0] - shuffleAtStart[0]);
                s.put("shuffle_read_bytes", now[1] - shuffleAtStart[1]);
                s.put("peak_heap_mb", Math.round(metrics.takePeakHeap() / 1048576.0));
                long afterGc = metrics.takePeakHeapAfterGc();
                // null: no collection ran during the stage
                s.put("peak_heap_after_gc_mb", afterGc < 0 ? null : Math.round(afterGc / 1048576.0));
            }
            stages.add(s);
            String summary = stageCounts.entrySet().stream().map(e -> e.getKey() + "=" + rounded(e.getValue()))
                    .collect(Collectors.joining(", "));
            StageProgress.current(null);
            Progress.log("stage " + name + " done in " + Progress.seconds(seconds) + (summary.isEmpty() ? "" : ": " + summary));
        }
    }
}
