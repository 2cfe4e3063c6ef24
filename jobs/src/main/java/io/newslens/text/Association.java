package io.newslens.text;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Association measures of a 2×2 table given by its joint count o11, margins r1 and c1 and total n, as Spark
 * columns: shared by collocations (terms) and co-mentions (actors).
 */
public final class Association {
    private Association() {
    }

    /** log2(o11 · n / (r1 · c1)). */
    public static Column pmi(Column o11, Column r1, Column c1, Column n) {
        return log2(o11.multiply(n).divide(r1.multiply(c1)));
    }

    /** pmi / −log2(o11 / n), in [−1, 1]; 1 when o11 = n. */
    public static Column npmi(Column o11, Column r1, Column c1, Column n) {
        Column selfInformation = log2(o11.divide(n)).multiply(-1);
        return when(selfInformation.equalTo(0), lit(1.0)).otherwise(pmi(o11, r1, c1, n).divide(selfInformation));
    }

    /** Log-likelihood G² = 2 Σ O ln(O / E) over the four cells, E from the margins (Dunning 1993); a zero cell adds 0. */
    public static Column g2(Column o11, Column r1, Column c1, Column n) {
        Column r2 = n.minus(r1);
        Column c2 = n.minus(c1);
        return lit(2.0).multiply(cell(o11, r1, c1, n).plus(cell(r1.minus(o11), r1, c2, n))
                .plus(cell(c1.minus(o11), r2, c1, n)).plus(cell(n.minus(r1).minus(c1).plus(o11), r2, c2, n)));
    }

    /** O ln(O / E) with E = row · column / n; 0 when O = 0. */
    private static Column cell(Column o, Column row, Column column, Column n) {
        return when(o.gt(0), o.multiply(log(o.divide(row.multiply(column).divide(n))))).otherwise(lit(0.0));
    }
}
