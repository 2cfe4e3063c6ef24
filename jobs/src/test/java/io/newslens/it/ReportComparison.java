package io.newslens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.cli.ReportCatalog;
import io.newslens.report.ReportSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;

/**
 * Two runs' reports compared through DuckDB, as a BI user reads them: the same rows, order aside, on the
 * non-double columns (exact multisets), and doubles within a relative {@value #TOLERANCE} on matching rows
 * (sums run in another order on other executors).
 */
final class ReportComparison {
    static final double TOLERANCE = 1e-9;

    private ReportComparison() {
    }

    private static JsonNode withoutStores(JsonNode counts) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = counts.deepCopy();
        copy.forEach(stage -> {
            if (stage instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.remove("store");
            }
        });
        return copy;
    }

    private static void log(String message) {
        System.err.println("[compare] " + message);
    }

    /**
     * Every report both runs wrote (by their manifests) holds the same rows; the manifests' counts agree (except each
     * stage's {@code store}: what a run reused depends on the runs before it, not on its result).
     */
    static void assertSame(Path clusterOut, Path localOut, String what) throws Exception {
        JsonNode c = new ObjectMapper().readTree(clusterOut.resolve("_manifest.json").toFile());
        JsonNode l = new ObjectMapper().readTree(localOut.resolve("_manifest.json").toFile());
        assertEquals(withoutStores(l.path("counts")), withoutStores(c.path("counts")), "manifest counts");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ReportSpec spec : ReportCatalog.ALL) {
                boolean inC = c.path("reports").has(spec.name());
                assertEquals(l.path("reports").has(spec.name()), inC, spec.name() + " written by both runs or neither");
                if (!inC) {
                    continue;
                }
                String diff = compare(db, spec, clusterOut, localOut);
                log("compare " + what + " / reference, " + spec.name() + ": " + diff);
                assertTrue(diff.startsWith("identical"), spec.name() + ": " + diff);
            }
        }
        log("comparison: every report of the " + what + " run equals the reference run");
    }

    /** Rows equal as multisets on the non-double columns, doubles within the tolerance on matching rows. */
    private static String compare(Connection db, ReportSpec spec, Path a, Path b) throws Exception {
        List<String> keys = new ArrayList<>();
        List<String> doubles = new ArrayList<>();
        for (ReportSpec.Column col : spec.columns()) {
            if (col.name().endsWith("_seconds")) {
                continue; // a wall-clock measurement (topic_model_selection.fit_seconds), not a result
            }
            (col.type().equals(DataTypes.DoubleType) ? doubles : keys).add("\"" + col.name() + "\"");
        }
        String src = "read_parquet('%s/" + spec.name() + "/**/*.parquet', hive_partitioning = true)";
        String ka = String.join(", ", keys);
        String sql = "WITH a AS (SELECT * FROM " + src.formatted(a) + "), b AS (SELECT * FROM " + src.formatted(b) + ") SELECT "
                + "(SELECT count(*) FROM a), (SELECT count(*) FROM b), "
                + "(SELECT count(*) FROM (SELECT " + ka + " FROM a EXCEPT ALL SELECT " + ka + " FROM b)), "
                + "(SELECT count(*) FROM (SELECT " + ka + " FROM b EXCEPT ALL SELECT " + ka + " FROM a))";
        if (!doubles.isEmpty()) {
            String on = keys.stream().map(k -> "a." + k + " IS NOT DISTINCT FROM b." + k).collect(Collectors.joining(" AND "));
            String off = doubles.stream().map(d -> "NOT (a." + d + " IS NOT DISTINCT FROM b." + d + " OR abs(a." + d + " - b." + d
                    + ") <= " + TOLERANCE + " * greatest(1, abs(a." + d + ")))").collect(Collectors.joining(" OR "));
            sql += ", (SELECT count(*) FROM a JOIN b ON " + on + " WHERE " + off + ")";
        } else {
            sql += ", 0";
        }
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            long na = rs.getLong(1), nb = rs.getLong(2), onlyA = rs.getLong(3), onlyB = rs.getLong(4), far = rs.getLong(5);
            String counts = na + " rows vs " + nb;
            return onlyA == 0 && onlyB == 0 && far == 0 && na == nb ? "identical (" + counts + ")"
                    : "DIFFERENT (" + counts + ", " + onlyA + " only in cluster, " + onlyB + " only in local, " + far
                    + " with doubles beyond " + TOLERANCE + ")";
        }
    }
}
