package io.newslens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stored batches a run's batch takes in: few batches over many daily runs, few rewrites of each article. */
class ArticleStoreMergeTest {
    private static Map<String, Long> batches(Object... nameAndRows) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndRows.length; i += 2) {
            m.put((String) nameAndRows[i], ((Number) nameAndRows[i + 1]).longValue());
        }
        return m;
    }

    @Test
    void theSmallestBatchesJoinWhileEachHoldsAtMostTwiceTheRowsGathered() {
        // A day of 10 new articles after a full run of 1000: nothing to merge.
        assertEquals(List.of(), ArticleStore.toMerge(batches("full", 1000), 10));
        // The day before it (9 rows) joins: 9 <= 2 x 10; then 19 gathered, and the full run's 1000 > 38 stays.
        assertEquals(List.of("day1"), ArticleStore.toMerge(batches("full", 1000, "day1", 9), 10));
        // Smallest first: 5 <= 20 (15 gathered), 25 <= 30 (40 gathered), 81 > 80 stops.
        assertEquals(List.of("c", "a"), ArticleStore.toMerge(batches("a", 25, "b", 81, "c", 5, "full", 1000), 10));
        // A batch of more than twice the new rows stays, and so do the larger ones after it.
        assertEquals(List.of(), ArticleStore.toMerge(batches("a", 21, "b", 30), 10));
        assertEquals(List.of("a"), ArticleStore.toMerge(batches("a", 20, "b", 61), 10));
        // A large batch is out of reach of a small day...
        assertEquals(List.of(), ArticleStore.toMerge(batches("full", 1000, "days", 490), 10));
        // ...until the batches gathered smallest first reach half of it: 20, 40, 80, 160, 320, 640 gathered, 1000 <= 1280.
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "full"),
                ArticleStore.toMerge(batches("full", 1000, "f", 320, "e", 160, "d", 80, "c", 40, "b", 20, "a", 10), 10));
    }

    @Test
    void aYearOfDailyRunsKeepsFewBatchesAndRewritesEachArticleAFewTimes() {
        // A full run of 100 articles, then 365 daily runs of 1 each, as the store would see them.
        Map<String, Long> stored = batches("full", 100);
        long rewritten = 0;
        int most = 0;
        for (int day = 1; day <= 365; day++) {
            List<String> merged = ArticleStore.toMerge(stored, 1);
            long rows = 1;
            for (String b : merged) {
                rows += stored.remove(b);
            }
            rewritten += rows - 1;
            stored.put("day" + day, rows);
            most = Math.max(most, stored.size());
        }
        assertEquals(465, stored.values().stream().mapToLong(Long::longValue).sum(), "every article in one batch");
        // At most 6 batches to read and sum at any time (not 366), and the stored rows rewritten over the year are
        // 1979: about 4 times the final 465, where merging every day into one batch would rewrite some 100,000.
        assertEquals(6, most);
        assertEquals(1979, rewritten);
        assertTrue(rewritten < 5 * 465);
    }
}
