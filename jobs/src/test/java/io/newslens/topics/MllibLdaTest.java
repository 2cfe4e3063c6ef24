package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.newslens.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The MLlib internals newslens relies on ({@link MllibLda}) still work on this Spark: a fitted model taken apart
 * and rebuilt is the same model. On an incompatible Spark this fails first, naming what changed.
 */
class MllibLdaTest {
    @Test
    void aModelTakenApartAndRebuiltIsTheSameModel() {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType().add(Topics.FEATURES, new VectorUDT());
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            rows.add(RowFactory.create(d % 2 == 0 ? Vectors.sparse(4, new int[] {0, 1}, new double[] {3, 2})
                    : Vectors.sparse(4, new int[] {2, 3}, new double[] {1, 4})));
        }
        Dataset<Row> vectors = spark.createDataFrame(rows, schema);
        LocalLDAModel fitted = (LocalLDAModel) new LDA().setK(2).setMaxIter(5).setSeed(7).setOptimizer("online")
                .setFeaturesCol(Topics.FEATURES).fit(vectors);
        LocalLDAModel rebuilt;
        MllibLda.State s;
        try {
            s = MllibLda.state(fitted);
            rebuilt = MllibLda.model(fitted, s, spark);
        } catch (LinkageError e) {
            fail("MLlib's LDA internals changed on Spark " + spark.version() + " (MllibLda needs oldLocalModel and the"
                    + " package-private LocalLDAModel constructors): " + e);
            return;
        }
        assertEquals(2, s.k());
        assertEquals(4, s.vocabSize());
        assertEquals(8, s.lambda().length);
        assertArrayEquals(fitted.topicsMatrix().toArray(), rebuilt.topicsMatrix().toArray(), 0.0);
        assertArrayEquals(fitted.estimatedDocConcentration().toArray(), rebuilt.estimatedDocConcentration().toArray(), 0.0);
        assertEquals(fitted.uid(), rebuilt.uid());
        assertEquals(fitted.logPerplexity(vectors), rebuilt.logPerplexity(vectors), 1e-12);
    }
}
