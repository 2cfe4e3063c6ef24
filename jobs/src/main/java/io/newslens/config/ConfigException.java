package io.newslens.config;

/** A config or command-line value that cannot be used; {@code field} names it the way the user wrote it. */
public final class ConfigException extends RuntimeException {
    private final String field;

    public ConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
