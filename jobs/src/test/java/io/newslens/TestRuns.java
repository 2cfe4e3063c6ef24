package io.newslens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process on the shared session, capturing what it prints on stderr. */
public final class TestRuns {
    public record Result(int exitCode, String stderr) {
    }

    private TestRuns() {
    }

    public static Result run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        try {
            int code = Main.run(args, SparkTestSession::get);
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    public static JsonNode manifest(Path output) throws IOException {
        return new ObjectMapper().readTree(output.resolve("_manifest.json").toFile());
    }
}
