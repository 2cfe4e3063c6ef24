package io.newslens.report;

/**
 * The run cannot publish what it computed, for a reason the user can act on (an input all quarantined, a
 * mapped field empty everywhere, no records at all): exit 1 with this message and no stack trace; the
 * previous reports stay in place.
 */
public final class RunFailure extends RuntimeException {
    public RunFailure(String message) {
        super(message);
    }
}
