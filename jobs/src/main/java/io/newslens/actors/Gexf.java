package io.newslens.actors;

import java.util.ArrayList;
import java.util.List;
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
     * @param nodes actor_network_nodes rows
     * @param edges co_mentions rows of the article scope, ordered by actor_a, actor_b, period (so each pair's
     *              period rows come before its {@code all} row: dates sort before letters)
     */
    static void write(java.util.Iterator<Row> nodes, java.util.Iterator<Row> edges, String period, java.io.Writer x)
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
        while (nodes.hasNext()) {
            Row n = nodes.next();
            x.append("      <node id=\"").append(esc(n.getString(0))).append("\" label=\"").append(esc(n.getString(1))).append("\">")
                    .append("<attvalues><attvalue for=\"type\" value=\"").append(esc(n.getString(2))).append("\"/>")
                    .append("<attvalue for=\"country\" value=\"").append(esc(n.isNullAt(3) ? "" : n.getString(3))).append("\"/>")
                    .append("<attvalue for=\"articles\" value=\"").append(String.valueOf(n.getLong(4)))
                    .append("\"/></attvalues></node>\n");
        }
        x.append("    </nodes>\n    <edges>\n");
        String pair = null;
        List<String> spells = new ArrayList<>();
        int id = 0;
        while (edges.hasNext()) {
            Row e = edges.next();
            String a = e.getString(e.fieldIndex("actor_a"));
            String b = e.getString(e.fieldIndex("actor_b"));
            String p = e.getString(e.fieldIndex("period"));
            if (!(a + "\t" + b).equals(pair)) {
                pair = a + "\t" + b;
                spells.clear();
            }
            if (!p.equals("all")) {
                spells.add(p);
                continue;
            }
            x.append("      <edge id=\"").append(String.valueOf(id++)).append("\" source=\"").append(esc(a))
                    .append("\" target=\"").append(esc(b)).append("\" weight=\"")
                    .append(String.valueOf(e.getLong(e.fieldIndex("count")))).append("\">")
                    .append("<attvalues><attvalue for=\"npmi\" value=\"").append(String.valueOf(e.getDouble(e.fieldIndex("npmi"))))
                    .append("\"/></attvalues>");
            if (!spells.isEmpty()) {
                x.append("<spells>");
                for (String s : spells) {
                    x.append("<spell start=\"").append(s).append("\" end=\"").append(io.newslens.text.Periods.endOf(s, period)).append("\"/>");
                }
                x.append("</spells>");
            }
            x.append("</edge>\n");
        }
        x.append("    </edges>\n  </graph>\n</gexf>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
