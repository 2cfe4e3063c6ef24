package io.newslens.actors;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The article-scope co-mention network as GEXF 1.3 for Gephi: nodes with type and country, edges weighted by
 * co-mention count over all periods, and each edge's periods as spells so Gephi's timeline can play it.
 */
final class Gexf {
    private Gexf() {
    }

    /**
     * Streams the network to {@code x}: neither the rows nor the document are held in memory at once.
     *
     * @param nodeLines {@link #nodeLines}, in their order
     * @param edgeLines {@link #edgeLines}, in their order: each edge without its id, which is its position here
     */
    static void write(java.util.Iterator<String> nodeLines, java.util.Iterator<String> edgeLines, String period, java.io.Writer x)
            throws java.io.IOException {
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n")
                .append("  <meta><creator>newslens</creator><description>Actors co-mentioned in the same article; ")
                .append("edge weight = articles, spells = ").append(period).append("s with co-mentions</description></meta>\n")
                .append("  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n")
                .append("    <attributes class=\"node\">\n")
                .append("      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n")
                .append("      <attribute id=\"country\" title=\"country_code\" type=\"string\"/>\n")
                .append("      <attribute id=\"articles\" title=\"articles\" type=\"long\"/>\n")
                .append("    </attributes>\n")
                .append("    <attributes class=\"edge\">\n")
                .append("      <attribute id=\"npmi\" title=\"npmi\" type=\"double\"/>\n")
                .append("    </attributes>\n")
                .append("    <nodes>\n");
        while (nodeLines.hasNext()) {
            x.append(nodeLines.next()).append('\n');
        }
        x.append("    </nodes>\n    <edges>\n");
        long id = 0;
        while (edgeLines.hasNext()) {
            x.append("      <edge id=\"").append(String.valueOf(id++)).append('"').append(edgeLines.next()).append('\n');
        }
        x.append("    </edges>\n  </graph>\n</gexf>\n");
    }

    /**
     * Each node (actor_network_nodes rows) as one line of GEXF, ordered by actor_id. Formatted by the executors, a
     * range of actors each: the driver only copies lines, rather than fetching the rows a partition at a time (a
     * job each, which ran the sort again).
     */
    static Dataset<String> nodeLines(Dataset<Row> nodes) {
        return nodes.select("actor_id", "name", "type", "country_code", "articles").orderBy("actor_id")
                .map((org.apache.spark.api.java.function.MapFunction<Row, String>) n -> "      <node id=\"" + esc(n.getString(0))
                        + "\" label=\"" + esc(n.getString(1)) + "\"><attvalues><attvalue for=\"type\" value=\"" + esc(n.getString(2))
                        + "\"/><attvalue for=\"country\" value=\"" + esc(n.isNullAt(3) ? "" : n.getString(3))
                        + "\"/><attvalue for=\"articles\" value=\"" + n.getLong(4) + "\"/></attvalues></node>", Encoders.STRING());
    }

    /**
     * Each edge of the network as one line of GEXF without its opening {@code <edge id="N"} (the writer numbers them
     * in this order): source, target, weight (the {@code all} period's count), NPMI and the pair's periods as spells.
     * Formatted by the executors, the pairs of one hash bucket each (sorted by actor_a, actor_b within it), so the driver
     * only copies lines: a fixed order for the same rows and shuffle partitions, without the range partitioning's
     * sampling pass over every row.
     *
     * @param edges co_mentions rows of the article scope and every outlet together: each pair's period rows and its
     *              {@code all} row
     */
    static Dataset<String> edgeLines(Dataset<Row> edges, String period) {
        return edges.select("actor_a", "actor_b", "period", "count", "npmi")
                .repartition(col("actor_a"), col("actor_b"))
                // Each pair's period rows come before its `all` row: dates sort before letters.
                .sortWithinPartitions("actor_a", "actor_b", "period")
                .mapPartitions((MapPartitionsFunction<Row, String>) rows -> new EdgeLines(rows, period), Encoders.STRING());
    }

    /** One pair's rows (sorted as {@link #edgeLines} sorts them) to its line: given at its {@code all} row. */
    private static final class EdgeLines extends io.newslens.report.Lookahead<String> {
        private final java.util.Iterator<Row> rows;
        private final String period;
        private final List<String> spells = new ArrayList<>();
        /** Each period's end, worked out once (a network has a few hundred periods and millions of spells). */
        private final java.util.Map<String, String> ends = new java.util.HashMap<>();
        private String pair;

        EdgeLines(java.util.Iterator<Row> rows, String period) {
            this.rows = rows;
            this.period = period;
        }

        @Override
        protected String read() {
            while (rows.hasNext()) {
                Row e = rows.next();
                String a = e.getString(0);
                String b = e.getString(1);
                String p = e.getString(2);
                String key = a + "\t" + b;
                if (!key.equals(pair)) {
                    pair = key;
                    spells.clear();
                }
                if (!p.equals(Actors.ALL_DAYS)) {
                    spells.add(p);
                    continue;
                }
                StringBuilder x = new StringBuilder(160);
                x.append(" source=\"").append(esc(a)).append("\" target=\"").append(esc(b)).append("\" weight=\"")
                        .append(e.getLong(3)).append("\">")
                        .append("<attvalues><attvalue for=\"npmi\" value=\"").append(e.getDouble(4)).append("\"/></attvalues>");
                if (!spells.isEmpty()) {
                    x.append("<spells>");
                    for (String s : spells) {
                        x.append("<spell start=\"").append(s).append("\" end=\"").append(ends.computeIfAbsent(s, start -> io.newslens.text.Periods.endOf(start, period))).append("\"/>");
                    }
                    x.append("</spells>");
                }
                return x.append("</edge>").toString();
            }
            return null;
        }
    }

    private static String esc(String s) {
        if (!needsEscape(s)) {
            return s;  // most ids and names: no copy
        }
        // Line breaks too: an edge is one line of the parts the executors write (and XML would read them as spaces).
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "&#10;").replace("\r", "&#13;");
    }

    private static boolean needsEscape(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
