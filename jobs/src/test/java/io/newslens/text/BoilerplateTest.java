package io.newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import io.newslens.config.TextOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** An outlet's repeated phrase is found and cut out of the analysis; phrases every outlet uses are not. */
class BoilerplateTest {
    /** A word no other article has: letters from the number (the trigram words are letters only). */
    private static String word(int n) {
        StringBuilder sb = new StringBuilder("w");
        for (int i = n; i > 0; i /= 26) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    @Test
    void anOutletsRepeatedPhraseIsBoilerplateACommonPhraseIsNot() {
        // A: ten articles, every one with "Story Continued Below", half with "the White House"; B: ten articles, half
        // with "the White House". Everything else is a word of its own.
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String source = i < 10 ? "A" : "B";
            // A's articles open with "(Acme) Donald Trump", and half of B's name Donald Trump: a dateline of A
            // before everybody's words, not boilerplate.
            String lead = i < 10 ? "(Acme) Donald Trump " : i % 2 == 0 ? "Donald Trump " : "";
            String text = lead + word(100 * i + 1) + " " + word(100 * i + 2) + ". " + (i < 10 ? "Story Continued Below " : "")
                    + word(100 * i + 3) + " " + (i % 2 == 0 ? "met the White House " : "") + word(100 * i + 4) + ".";
            rows.add(RowFactory.create("a" + i, source, "", text));
        }
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("title", DataTypes.StringType).add("text", DataTypes.StringType);
        List<Row> found = Boilerplate.detect(SparkTestSession.get().createDataFrame(rows, schema), 500, 0.1, 50, 5).collectAsList();
        assertEquals(1, found.size(), found.toString());
        Row r = found.get(0);
        assertEquals("A", r.getString(0));
        assertEquals("story continued below", r.getString(1));
        assertEquals(10L, r.getLong(2));
        assertEquals(10L, r.getLong(3));
        assertEquals(1.0, r.getDouble(4), 1e-12);
        assertEquals(0.0, r.getDouble(5), 1e-12, "B never has it");
        // "met the white house": A 5/10 and B 5/10, a ratio of 1, far below 50. "acme donald trump": A 10/10, nowhere
        // else, but its bigram "donald trump" is in 5 of B's 10.

        // One outlet alone has no elsewhere: only what half its articles repeat counts (A's ten: yes; the 5 of 10
        // "met the white house" articles: also half, so those three trigrams count too).
        List<Row> alone = Boilerplate.detect(SparkTestSession.get().createDataFrame(rows.subList(0, 10), schema), 500, 0.1, 50, 5)
                .orderBy("phrase").collectAsList();
        assertEquals(List.of("acme donald trump", "met the white", "story continued below", "the white house"),
                alone.stream().map(x -> x.getString(1)).toList());
        assertEquals(null, alone.get(0).get(5), "share_elsewhere null");
    }

    @Test
    void boilerplateIsCutOutOfTheChunksAsABreak() {
        Tokenizer t = new Tokenizer(TextOptions.defaults());
        String text = "Officials met on Monday. Story Continued Below Talks resumed in Geneva.";
        assertEquals(List.of(List.of("officials", "met"), List.of("monday"), List.of("talks", "resumed"), List.of("geneva")),
                t.chunks(text, "en", Set.of("story continued below")));
        assertEquals(List.of(List.of("officials", "met"), List.of("monday"), List.of("story", "continued"), List.of("talks", "resumed"),
                List.of("geneva")), t.chunks(text, "en"), "without the outlet's phrases nothing is cut (\"below\" is a stop word)");
        // Overlapping trigrams merge into one passage: five words, three phrases, one cut [0, 31).
        List<int[]> spans = Boilerplate.spans("views expressed are solely ours. Next",
                Set.of("views expressed are", "expressed are solely", "are solely ours"));
        assertEquals(1, spans.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 31}, spans.get(0));
    }
}
