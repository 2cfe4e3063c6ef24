package io.newslens.config;

import java.util.Arrays;
import java.util.Locale;

/** LDA optimisers (config value {@code topics.optimizer}). Declared once. */
public enum Optimizer {
    /** MLlib's online variational Bayes on mini-batches, then full-corpus steps. */
    ONLINE,
    /** MLlib's expectation-maximisation. */
    EM;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optimizer of(String field, String value) {
        return Arrays.stream(values()).filter(o -> o.configName().equals(value)).findFirst()
                .orElseThrow(() -> new ConfigException(field, "unknown optimizer '" + value + "' (online or em)"));
    }
}
