package io.newslens.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Gold named-entity sentences in the two column layouts we evaluate on: CoNLL-2003 (token POS chunk tag, IOB1,
 * {@code -DOCSTART-} between documents) and MSRA (one character and its BIO tag per line). A blank line ends a
 * sentence in both.
 */
public final class Conll {
    /** An entity: tokens [start, end) of its sentence. */
    public record Entity(int start, int end, String type) {
    }

    /**
     * @param documentStart true for the first sentence of a document (name finders forget what they saw there)
     */
    public record Sentence(List<String> tokens, List<Entity> entities, boolean documentStart) {
    }

    private Conll() {
    }

    /** Reads a CoNLL-2003 (4 columns) or MSRA (2 columns) file, gzipped or not. */
    public static List<Sentence> read(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> tokens = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            boolean documentStart = true;
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    if (!tokens.isEmpty()) {
                        out.add(new Sentence(List.copyOf(tokens), entities(tags), documentStart));
                        documentStart = false;
                        tokens.clear();
                        tags.clear();
                    }
                    continue;
                }
                String[] f = line.strip().split("[ \t]+");
                if (f[0].equals("-DOCSTART-")) {
                    documentStart = true;
                    continue;
                }
                if (f.length != 2 && f.length != 4) {
                    throw new IOException(file + " line " + lineNo + ": expected 2 (MSRA) or 4 (CoNLL) columns, found "
                            + f.length + ": " + line);
                }
                tokens.add(f[0]);
                tags.add(f[f.length - 1]);
            }
            if (!tokens.isEmpty()) {
                out.add(new Sentence(List.copyOf(tokens), entities(tags), documentStart));
            }
        }
        return out;
    }

    /** Entities of IOB1 or BIO tags: a new entity starts at B-, or at I- after O or another type. */
    static List<Entity> entities(List<String> tags) {
        List<Entity> out = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String t = tag.equals("O") ? null : tag.substring(2);
            boolean begins = t != null && (tag.startsWith("B-") || !t.equals(type));
            if (type != null && (t == null || begins)) {
                out.add(new Entity(start, i, type));
                type = null;
            }
            if (begins) {
                start = i;
                type = t;
            }
        }
        return out;
    }
}
