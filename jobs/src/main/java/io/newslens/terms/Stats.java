package io.newslens.terms;

import org.apache.commons.math3.special.Erf;

/** Statistics Spark has no built-in function for. */
public final class Stats {
    private Stats() {
    }

    /** P(χ² with one degree of freedom ≥ x) = erfc(√(x/2)). */
    public static double chiSquare1Survival(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return x <= 0 ? 1.0 : Erf.erfc(Math.sqrt(x / 2.0));
    }
}
