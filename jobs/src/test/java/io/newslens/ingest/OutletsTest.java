package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newslens.SparkTestSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** One name per outlet: the shorteners and spellings issue #20 found in BuzzFeed-Webis, and the rule behind them. */
class OutletsTest {
    @Test
    void hostsBecomeTheirOutlet() {
        assertEquals("cnn.com", Outlets.ofHost("cnn.it"));
        assertEquals("cnn.com", Outlets.ofHost("edition.cnn.com"));
        assertEquals("politico.com", Outlets.ofHost("politi.co"));
        assertEquals("politico.com", Outlets.ofHost("www.politico.com"));
        assertEquals("abcnews.go.com", Outlets.ofHost("abcn.ws"));
        assertEquals("abcnews.go.com", Outlets.ofHost("abcnews.go.com"), "go.com holds several outlets");
        assertEquals("bbc.co.uk", Outlets.ofHost("news.bbc.co.uk"), "country second-level domains kept whole");
        assertEquals("eaglerising.com", Outlets.ofHost("EagleRising.com"));
        assertNull(Outlets.ofHost("goo.gl"), "a generic shortener names no outlet");
        assertNull(Outlets.ofHost("t.co"));
    }

    @Test
    void spellingsOfOneOutletAreMergedIntoItsDomain() {
        Map<String, Long> articles = Map.of("eagle-rising", 215L, "eaglerising.com", 3L, "cnn", 307L, "cnn.com", 2L,
                "Reuters", 10L, "reuters", 4L, "abc", 95L, "politico.com", 5L);
        Map<String, String> renames = Outlets.merges(articles, Map.of());
        assertEquals(Map.of("eagle-rising", "eaglerising.com", "cnn", "cnn.com", "reuters", "Reuters"), renames,
                "a domain wins; else the commonest spelling; abc and politico.com are alone");
        // Your table wins: abc is ABC News (its domain abcnews.go.com), and a name of your choice for CNN.
        Map<String, String> own = Outlets.merges(Map.of("abc", 95L, "abcnews.go.com", 7L, "cnn", 3L, "cnn.com", 1L),
                Map.of("abc", "abcnews.go.com", "cnn.com", "CNN"));
        assertEquals(Map.of("abc", "abcnews.go.com", "cnn.com", "CNN", "cnn", "CNN"), own);
    }

    @Test
    void renameReplacesOnlyTheRenamedSpellings() {
        StructType schema = new StructType().add("source", DataTypes.StringType);
        List<Row> rows = Outlets.rename(SparkTestSession.get().createDataFrame(List.of(RowFactory.create("eagle-rising"),
                        RowFactory.create("cnn.com"), RowFactory.create((Object) null)), schema), "source",
                Map.of("eagle-rising", "eaglerising.com")).collectAsList();
        assertEquals("eaglerising.com", rows.get(0).getString(0));
        assertEquals("cnn.com", rows.get(1).getString(0));
        assertNull(rows.get(2).get(0));
    }
}
