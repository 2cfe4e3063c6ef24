package io.newslens.topics;

import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.mllib.linalg.Matrices;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.SparkSession;

/**
 * The one place newslens reaches into MLlib's LDA internals: the old-API model inside an ml {@code LocalLDAModel}
 * and the two constructors (package-private in Scala, public in bytecode) that build one from topics MLlib did not
 * fit itself, so that scoring, perplexity and save/load stay MLlib's. {@code MllibLdaTest} round-trips a fitted
 * model through here: on a Spark whose internals changed it fails with the reason, not deep inside a fit.
 */
final class MllibLda {
    private MllibLda() {
    }

    /**
     * What a fitted model holds.
     *
     * @param lambda topic-word parameters, row-major {@code [t * vocabSize + w]}
     */
    record State(int k, int vocabSize, double eta, double[] alpha, double[] lambda, double gammaShape) {
    }

    static State state(LocalLDAModel model) {
        org.apache.spark.mllib.clustering.LocalLDAModel old = model.oldLocalModel();
        // MLlib's topicsMatrix is λ transposed (vocabulary × k, column-major): as an array, λ's rows [t * V + w].
        return new State(old.k(), old.vocabSize(), old.topicConcentration(), old.docConcentration().toArray(),
                old.topicsMatrix().toArray().clone(), old.gammaShape());
    }

    /** A model carrying the estimator's uid and parameters, holding the given topics and α. */
    static LocalLDAModel model(org.apache.spark.ml.clustering.LDA estimator, State s, SparkSession spark) {
        org.apache.spark.mllib.clustering.LocalLDAModel old = new org.apache.spark.mllib.clustering.LocalLDAModel(
                Matrices.dense(s.vocabSize(), s.k(), s.lambda()), Vectors.dense(s.alpha()), s.eta(), s.gammaShape());
        return estimator.copyValues(new LocalLDAModel(estimator.uid(), s.vocabSize(), old, spark), ParamMap.empty());
    }

    /** A model like {@code like} (uid and parameters) holding the given topics and α. */
    static LocalLDAModel model(LocalLDAModel like, State s, SparkSession spark) {
        org.apache.spark.mllib.clustering.LocalLDAModel old = new org.apache.spark.mllib.clustering.LocalLDAModel(
                Matrices.dense(s.vocabSize(), s.k(), s.lambda()), Vectors.dense(s.alpha()), s.eta(), s.gammaShape());
        return like.copyValues(new LocalLDAModel(like.uid(), s.vocabSize(), old, spark), ParamMap.empty());
    }
}
