package io.newslens.config;

/** LDA optimisers (config value {@code topics.optimizer}). Declared once. */
public enum Optimizer {
    /** Collapsed Gibbs sampling (MALLET's algorithm), distributed over partitions (AD-LDA). */
    GIBBS,
    /** MLlib's online variational Bayes on mini-batches, then full-corpus steps. */
    ONLINE,
    /** MLlib's expectation-maximisation. */
    EM;

    public String configName() {
        return ConfigEnums.configName(this);
    }

    public static Optimizer of(String field, String value) {
        return ConfigEnums.of(Optimizer.class, field, "optimizer", value);
    }
}
