package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word clusters behind the English name finder's features: how they are built and how a token reads them. */
class WordClustersTest {

    @Test
    void winksVectorFileIsReadInItsOrderUnitLengthWithoutTheNormAndIndexItAppends(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("v.json");
        Files.writeString(json, """
                {"precision":8,"dimensions":2,"words":["paris","zero","rome"],
                 "vectors":{"paris":[3,4,5.0,0],"zero":[0,0,0,1],"rome":[0,2,2.0,2]},"unkVector":[0,0,-1]}""");
        List<String> words = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        WordClusters.read(json, words, vectors);
        assertEquals(List.of("paris", "rome"), words, "a zero vector has no direction and is left out");
        assertArrayEquals(new float[] {0.6f, 0.8f}, vectors.get(0), 1e-6f);
        assertArrayEquals(new float[] {0f, 1f}, vectors.get(1), 1e-6f);
    }

    @Test
    void kMeansSeparatesTwoDirectionsAndIsTheSameOnARerun() {
        float[][] x = {unit(1, 0.1f), unit(0, 1), unit(1, 0), unit(0.1f, 1), unit(1, -0.1f), unit(-0.1f, 1)};
        int[] c = WordClusters.cluster(x, 2, 10, 7);
        assertEquals(c[0], c[2]);
        assertEquals(c[0], c[4]);
        assertEquals(c[1], c[3]);
        assertEquals(c[1], c[5]);
        assertNotEquals(c[0], c[1]);
        assertArrayEquals(c, WordClusters.cluster(x, 2, 10, 7));
    }

    @Test
    void aTokenGetsItsClustersAtEveryGranularityWhateverItsCase() {
        WordClusterFeatures.Table table = WordClusterFeatures.table();
        assertEquals(341_479, table.features().size(), "words in the shipped table");
        String[] bolton = table.of("Bolton");
        assertEquals(3, bolton.length);
        assertEquals("k100=", bolton[0].substring(0, 5));
        assertEquals("k500=", bolton[1].substring(0, 5));
        assertEquals("k2000=", bolton[2].substring(0, 6));
        assertArrayEquals(bolton, table.of("BOLTON"));
        assertNull(table.of("Xqzvbolton"), "a word GloVe never saw gets no cluster feature");

        List<String> features = new ArrayList<>();
        new WordClusterFeatures(table).createFeatures(features, new String[] {"at", "Bolton", "."}, 1, new String[2]);
        assertEquals(List.of(bolton), features);
    }

    private static float[] unit(float a, float b) {
        float n = (float) Math.sqrt(a * a + b * b);
        return new float[] {a / n, b / n};
    }
}
