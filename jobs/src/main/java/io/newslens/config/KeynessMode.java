package io.newslens.config;

/** What keyness compares (config value {@code terms.keyness}). Declared once. */
public enum KeynessMode {
    /** Each period against all other periods. */
    EACH_PERIOD,
    /** Every outlet against all the others. */
    EACH_SOURCE,
    /** One outlet ({@code keyness_target}) against the others. */
    SOURCE,
    /** One period ({@code keyness_target}) against another ({@code keyness_reference}). */
    PERIODS;

    public String configName() {
        return ConfigEnums.configName(this);
    }

    public static KeynessMode of(String field, String value) {
        return ConfigEnums.of(KeynessMode.class, field, "keyness", value);
    }
}
