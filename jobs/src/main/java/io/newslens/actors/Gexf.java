package io.newslens.actors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The article-scope co-mention network as GEXF 1.3 for Gephi: nodes with type and country, edges weighted by
 * co-mention count over all periods, and each edge's periods as spells so Gephi's timeline can play it.
 */
final class Gexf {
    private Gexf() {
    }

    /**
     * @param nodes actor_network_nodes rows
     * @param edges co_mentions rows of the article scope (period `all` and per period)
     */
    static String write(List<Row> nodes, List<Row> edges, String period) {
        StringBuilder x = new StringBuilder();
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
        for (Row n : nodes) {
            x.append("      <node id=\"").append(esc(n.getString(0))).append("\" label=\"").append(esc(n.getString(1))).append("\">")
                    .append("<attvalues><attvalue for=\"type\" value=\"").append(esc(n.getString(2))).append("\"/>")
                    .append("<attvalue for=\"country\" value=\"").append(esc(n.isNullAt(3) ? "" : n.getString(3))).append("\"/>")
                    .append("<attvalue for=\"articles\" value=\"").append(n.getLong(4)).append("\"/></attvalues></node>\n");
        }
        x.append("    </nodes>\n    <edges>\n");
        Map<String, Row> all = new LinkedHashMap<>();
        Map<String, List<String>> spells = new LinkedHashMap<>();
        for (Row e : edges) {
            String key = e.getString(e.fieldIndex("actor_a")) + "\t" + e.getString(e.fieldIndex("actor_b"));
            String p = e.getString(e.fieldIndex("period"));
            if (p.equals("all")) {
                all.put(key, e);
            } else {
                spells.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        int id = 0;
        for (Map.Entry<String, Row> entry : all.entrySet()) {
            Row e = entry.getValue();
            x.append("      <edge id=\"").append(id++).append("\" source=\"").append(esc(e.getString(e.fieldIndex("actor_a"))))
                    .append("\" target=\"").append(esc(e.getString(e.fieldIndex("actor_b")))).append("\" weight=\"")
                    .append(e.getLong(e.fieldIndex("count"))).append("\">")
                    .append("<attvalues><attvalue for=\"npmi\" value=\"").append(e.getDouble(e.fieldIndex("npmi"))).append("\"/></attvalues>");
            List<String> ps = spells.get(entry.getKey());
            if (ps != null) {
                x.append("<spells>");
                for (String p : ps) {
                    x.append("<spell start=\"").append(p).append("\" end=\"").append(end(p, period)).append("\"/>");
                }
                x.append("</spells>");
            }
            x.append("</edge>\n");
        }
        return x.append("    </edges>\n  </graph>\n</gexf>\n").toString();
    }

    /** Last day of the period starting on {@code start}. */
    private static String end(String start, String period) {
        java.time.LocalDate d = java.time.LocalDate.parse(start);
        return switch (period) {
            case "day" -> d.toString();
            case "week" -> d.plusDays(6).toString();
            default -> d.plusMonths(1).minusDays(1).toString();
        };
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
