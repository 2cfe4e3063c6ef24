package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GexfTest {
    /**
     * Each pair's line: weight and NPMI from its `all` row, a spell per period row ending on the period's last day, XML
     * escapes in ids (a name read across a line break included); a pair with no period rows has no spells.
     */
    @Test
    void edgeLinesCarryWeightSpellsAndEscapedIds() throws Exception {
        StructType schema = new StructType().add("actor_a", DataTypes.StringType).add("actor_b", DataTypes.StringType)
                .add("period", DataTypes.StringType).add("count", DataTypes.LongType).add("npmi", DataTypes.DoubleType);
        List<Row> rows = List.of(
                RowFactory.create("AT&T", "CHN", "2024-02-01", 1L, 0.1),
                RowFactory.create("AT&T", "CHN", "all", 3L, 0.5),
                RowFactory.create("AT&T", "CHN", "2024-01-01", 2L, 0.2),
                RowFactory.create("ner:per:jane\ndoe", "USA", "all", 2L, -0.25),
                RowFactory.create("CHN", "USA", "all", 4L, 0.75),
                RowFactory.create("CHN", "USA", "2023-12-01", 4L, 0.7));
        List<String> lines = new java.util.ArrayList<>(Gexf.edgeLines(SparkTestSession.get().createDataFrame(rows, schema), "month")
                .collectAsList());
        lines.sort(null);
        assertEquals(List.of(
                " source=\"AT&amp;T\" target=\"CHN\" weight=\"3\"><attvalues><attvalue for=\"npmi\" value=\"0.5\"/></attvalues>"
                        + "<spells><spell start=\"2024-01-01\" end=\"2024-01-31\"/><spell start=\"2024-02-01\" end=\"2024-02-29\"/></spells></edge>",
                " source=\"CHN\" target=\"USA\" weight=\"4\"><attvalues><attvalue for=\"npmi\" value=\"0.75\"/></attvalues>"
                        + "<spells><spell start=\"2023-12-01\" end=\"2023-12-31\"/></spells></edge>",
                " source=\"ner:per:jane&#10;doe\" target=\"USA\" weight=\"2\"><attvalues><attvalue for=\"npmi\" value=\"-0.25\"/>"
                        + "</attvalues></edge>"), lines);
        java.io.StringWriter file = new java.io.StringWriter();
        Gexf.write(List.of("      <node id=\"CHN\"/>").iterator(), lines.iterator(), "month", file);
        // Numbered in the order given, and a document an XML parser reads.
        org.w3c.dom.NodeList edges = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(file.toString()))).getElementsByTagName("edge");
        assertEquals(3, edges.getLength());
        assertEquals("2", ((org.w3c.dom.Element) edges.item(2)).getAttribute("id"));
        assertEquals("ner:per:jane\ndoe", ((org.w3c.dom.Element) edges.item(2)).getAttribute("source"));
    }
}
