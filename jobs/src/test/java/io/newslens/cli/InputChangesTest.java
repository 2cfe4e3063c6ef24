package io.newslens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Input files added, changed (length or modification time) and removed between two runs' listings. */
class InputChangesTest {
    @Test
    void classifiesEachFileByPathLengthAndModificationTime() {
        TreeMap<String, String> before = new TreeMap<>();
        before.put("file:/in/a.jsonl", "100\t1000");
        before.put("file:/in/b.jsonl", "200\t2000");
        before.put("file:/in/c.jsonl", "300\t3000");
        String listing = InputChanges.listing(before);
        assertEquals("path\tlength\tmodified_ms\nfile:/in/a.jsonl\t100\t1000\nfile:/in/b.jsonl\t200\t2000\nfile:/in/c.jsonl\t300\t3000\n", listing);

        TreeMap<String, String> now = new TreeMap<>(before);
        assertEquals(new InputChanges(List.of(), List.of(), List.of(),
                List.of("file:/in/a.jsonl", "file:/in/b.jsonl", "file:/in/c.jsonl")), InputChanges.between(listing, now));
        assertFalse(InputChanges.between(listing, now).oldContentChanged());

        now.put("file:/in/d.jsonl", "50\t5000");        // added
        assertFalse(InputChanges.between(listing, now).oldContentChanged(), "an added file leaves old partitions valid");
        now.put("file:/in/b.jsonl", "200\t2001");       // touched: same length, newer
        now.put("file:/in/c.jsonl", "301\t3000");       // same time, another length
        now.remove("file:/in/a.jsonl");                 // removed
        InputChanges c = InputChanges.between(listing, now);
        assertEquals(new InputChanges(List.of("file:/in/d.jsonl"), List.of("file:/in/b.jsonl", "file:/in/c.jsonl"),
                List.of("file:/in/a.jsonl"), List.of()), c);
        assertTrue(c.oldContentChanged());
        assertEquals("2 changed (e.g. file:/in/b.jsonl), 1 removed (e.g. file:/in/a.jsonl)", c.describe());
        assertEquals(1, c.toManifest("r1").get("added"));
    }
}
