package io.newslens;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What a test prints on System.err (from its own thread and the threads it starts, such as a run's progress reporter),
 * captured while it is still printed. Test classes run side by side in the suite's JVM: a capture by swapping
 * System.err would take in the other classes' output too, and their restores would cross.
 */
public final class Stderr {
    private static final InheritableThreadLocal<ByteArrayOutputStream> CAPTURE = new InheritableThreadLocal<>();
    private static PrintStream console;

    private Stderr() {
    }

    public record Captured<T>(T value, String text) {
    }

    /** Replaces System.err, once, by a stream that prints to it and copies to the capture of the writing thread, if any. */
    private static synchronized void install() {
        if (console != null) {
            return;
        }
        console = System.err;
        PrintStream original = console;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                ByteArrayOutputStream c = CAPTURE.get();
                if (c != null) {
                    c.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ByteArrayOutputStream c = CAPTURE.get();
                if (c != null) {
                    c.write(b, off, len);
                }
                original.write(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Runs {@code work} and returns its result with what this thread and those it started printed on System.err meanwhile. */
    public static <T> Captured<T> capture(Supplier<T> work) {
        install();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream outer = CAPTURE.get();
        CAPTURE.set(buffer);
        try {
            T value = work.get();
            System.err.flush();
            return new Captured<>(value, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            CAPTURE.set(outer);
        }
    }
}
