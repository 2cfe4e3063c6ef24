package io.newslens.config;

import java.util.Arrays;
import java.util.Locale;

/** What keyness compares (config value {@code terms.keyness}). Declared once. */
public enum KeynessMode {
    /** Each period against all other periods. */
    EACH_PERIOD,
    /** One outlet ({@code keyness_target}) against the others. */
    SOURCE,
    /** One period ({@code keyness_target}) against another ({@code keyness_reference}). */
    PERIODS;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeynessMode of(String field, String value) {
        return Arrays.stream(values()).filter(m -> m.configName().equals(value)).findFirst()
                .orElseThrow(() -> new ConfigException(field, "unknown keyness '" + value + "' (each_period, source or periods)"));
    }
}
