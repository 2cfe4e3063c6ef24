package io.newslens.report;

/** The output location cannot be used (it is a file, cannot be created, ...). */
public final class OutputException extends RuntimeException {
    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
