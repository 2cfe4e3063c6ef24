package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2016-09-19T10:15:30Z                | 2016-09-19T10:15:30Z",
            "2016-09-19T12:15:30+02:00           | 2016-09-19T10:15:30Z",
            "2016-09-19T12:15:30.123+0200        | 2016-09-19T10:15:30.123Z",
            "2016-09-19 10:15:30                 | 2016-09-19T10:15:30Z",
            "2016-09-19 10:15:30 UTC             | 2016-09-19T10:15:30Z",
            "2016-09-19T10:15:30                 | 2016-09-19T10:15:30Z",
            "2016-09-19                          | 2016-09-19T00:00:00Z",
            "'Mon, 19 Sep 2016 10:15:30 GMT'     | 2016-09-19T10:15:30Z",
            "'Mon, 19 Sep 2016 12:15:30 +0200'   | 2016-09-19T10:15:30Z",
            "'Tue, 20 Sep 2016 06:15:30 EDT'     | 2016-09-20T10:15:30Z",
            "1474272304                          | 2016-09-19T08:05:04Z",
            "1474272304000                       | 2016-09-19T08:05:04Z",
            "'{\"$date\": 1474272304000}'        | 2016-09-19T08:05:04Z",
            "'{\"$date\": \"2016-09-19T08:05:04Z\"}' | 2016-09-19T08:05:04Z",
            "'Fri Oct 20, 2006 6:15pm EDT'       | 2006-10-20T22:15:00Z",
            "26-FEB-1987 15:01:01.79             | 1987-02-26T15:01:01.790Z",
            "'September 19, 2016'                | 2016-09-19T00:00:00Z",
            "'Sept 19, 2016'                     | 2016-09-19T00:00:00Z",
            "'19 September 2016'                 | 2016-09-19T00:00:00Z",
            "2016/09/19                          | 2016-09-19T00:00:00Z",
    })
    void parsesNewsDateForms(String raw, String expected) {
        assertEquals(Instant.parse(expected), DateParser.parse(raw, UTC));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "   ", "yesterday", "32/13/2016", "2016-13-45", "not a date 2016", "99999999999999"})
    void unreadableDatesAreNull(String raw) {
        assertNull(DateParser.parse(raw, UTC));
    }

    @org.junit.jupiter.api.Test
    void zoneLessDatesUseTheGivenZone() {
        assertEquals(Instant.parse("2012-06-11T16:00:00Z"), DateParser.parse("2012-06-12", ZoneId.of("Asia/Shanghai")));
        assertEquals(Instant.parse("2016-09-19T08:15:30Z"),
                DateParser.parse("2016-09-19 10:15:30", ZoneId.of("Europe/Berlin")));
        // An explicit zone wins over the default.
        assertEquals(Instant.parse("2016-09-19T10:15:30Z"),
                DateParser.parse("2016-09-19T10:15:30Z", ZoneId.of("Europe/Berlin")));
        assertNull(DateParser.parse(null, UTC));
    }
}
