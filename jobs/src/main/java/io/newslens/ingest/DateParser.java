package io.newslens.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as news data carries them: ISO-8601 with or without zone, RFC 1123, epoch seconds or
 * milliseconds, MongoDB {@code {"$date": ...}} exports, and newswire forms such as
 * "Fri Oct 20, 2006 6:15pm EDT" or "26-FEB-1987 15:01:01.79". A value without a zone is read in the
 * given zone. Anything else, or a year outside 1800..2200, gives null (the article is kept, the date
 * counted as unparseable). Spark's own date patterns are case-sensitive and have no zone abbreviations,
 * hence this parser (called once per record through a UDF).
 */
public final class DateParser {
    private static final Pattern MONGO = Pattern.compile("^\\{\\s*\"\\$date\"\\s*:\\s*(?:\\{\\s*\"\\$numberLong\"\\s*:\\s*)?\"?([^\"}]+)\"?\\s*}?\\s*}$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,15}(\\.\\d+)?$");
    private static final Pattern ISO_SPACE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{1,2}:\\d{2})");
    private static final Pattern ISO_T = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s?)([+-]\\d{2})(\\d{2})$");
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s*\\b([A-Za-z]{1,5})$");

    /** Zone abbreviations newswires use, to fixed offsets (daylight names say their own offset). */
    private static final Map<String, String> ZONE_ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", "+00:00"), Map.entry("UT", "+00:00"), Map.entry("GMT", "+00:00"), Map.entry("Z", "+00:00"),
            Map.entry("EST", "-05:00"), Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"), Map.entry("CDT", "-05:00"),
            Map.entry("MST", "-07:00"), Map.entry("MDT", "-06:00"), Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"),
            Map.entry("BST", "+01:00"), Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"), Map.entry("EET", "+02:00"),
            Map.entry("EEST", "+03:00"), Map.entry("MSK", "+03:00"), Map.entry("JST", "+09:00"), Map.entry("KST", "+09:00"),
            Map.entry("HKT", "+08:00"), Map.entry("SGT", "+08:00"), Map.entry("AEST", "+10:00"), Map.entry("AEDT", "+11:00"));

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ISO_LOCAL_DATE,
            formatter("[EEE, ][EEEE, ]d MMM uuuu HH:mm[:ss]{frac}[ XXX]"),
            formatter("[EEE ][EEEE ]MMM d, uuuu h:mm[:ss]{frac}[ ]a[ XXX]"),
            formatter("[EEE, ][EEEE, ]MMMM d, uuuu h:mm[:ss]{frac}[ ]a[ XXX]"),
            formatter("[EEE, ][EEEE, ]MMM d, uuuu[ HH:mm[:ss]][ XXX]"),
            formatter("[EEE, ][EEEE, ]MMMM d, uuuu[ HH:mm[:ss]][ XXX]"),
            formatter("d-MMM-uuuu HH:mm[:ss]{frac}[ XXX]"),
            formatter("d-MMM-uuuu"),
            formatter("d MMMM uuuu[ HH:mm[:ss]][ XXX]"),
            formatter("uuuu/MM/dd[ HH:mm[:ss]][ XXX]"),
            formatter("uuuu.MM.dd[ HH:mm[:ss]][ XXX]"),
            formatter("uuuuMMdd'T'HHmmss[XXX]"));

    private DateParser() {
    }

    /** A pattern where {@code {frac}} stands for an optional fraction of a second of 1 to 9 digits. */
    private static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        String[] parts = pattern.split("\\{frac}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd();
            }
            if (!parts[i].isEmpty()) {
                b.appendPattern(parts[i]);
            }
        }
        return b.toFormatter(Locale.ENGLISH);
    }

    /** Parses {@code raw}; dates without a zone are read in {@code zone}. Null when it cannot be read. */
    public static Instant parse(String raw, ZoneId zone) {
        return parse(raw, zone, List.of());
    }

    /**
     * As {@link #parse(String, ZoneId)}, trying the user's {@code patterns} (java.time patterns such as
     * {@code dd/MM/yyyy}, matched case-insensitively in English) before the built-in forms: a form like
     * 21/09/2016 is ambiguous, so only the user can say which one it is.
     */
    public static Instant parse(String raw, ZoneId zone, List<String> patterns) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.isEmpty()) {
            return null;
        }
        Matcher mongo = MONGO.matcher(s);
        if (mongo.matches()) {
            s = mongo.group(1).trim();
        }
        for (String pattern : patterns) {
            Instant t = parseWith(USER_FORMATS.computeIfAbsent(pattern, DateParser::userFormatter), s, zone);
            if (plausible(t)) {
                return t;
            }
        }
        Instant result = NUMBER.matcher(s).matches() ? fromEpoch(s) : fromText(s, zone);
        return plausible(result) ? result : null;
    }

    private static Instant fromEpoch(String s) {
        double v = Double.parseDouble(s);
        // 1e11 seconds is the year 5138, so anything larger is milliseconds.
        long millis = Math.abs(v) >= 1e11 ? (long) v : (long) (v * 1000);
        return Instant.ofEpochMilli(millis);
    }

    private static Instant fromText(String text, ZoneId zone) {
        String s = text.replace("Sept ", "Sep ");
        Matcher iso = ISO_SPACE.matcher(s);
        if (iso.find()) {
            s = iso.group(1) + "T" + s.substring(iso.group(1).length() + 1);
        }
        boolean isoLike = ISO_T.matcher(s).find();
        if (s.endsWith("Z") && isoLike) {
            s = s.substring(0, s.length() - 1) + "+00:00";
        }
        Matcher abbrev = TRAILING_ZONE.matcher(s);
        if (abbrev.find() && ZONE_ABBREVIATIONS.containsKey(abbrev.group(1).toUpperCase(Locale.ROOT))) {
            String offset = ZONE_ABBREVIATIONS.get(abbrev.group(1).toUpperCase(Locale.ROOT));
            s = s.substring(0, abbrev.start()) + (isoLike ? "" : " ") + offset;
        }
        s = OFFSET_NO_COLON.matcher(s).replaceFirst("$1$2:$3");
        for (DateTimeFormatter f : FORMATS) {
            Instant t = parseWith(f, s, zone);
            if (t != null) {
                return t;
            }
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, DateTimeFormatter> USER_FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static DateTimeFormatter userFormatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    /** One form: with an offset, a local date-time in {@code zone}, or a date at the start of its day. */
    private static Instant parseWith(DateTimeFormatter f, String s, ZoneId zone) {
        try {
            TemporalAccessor t = f.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime zdt) {
                return zdt.toInstant();
            }
            if (t instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            if (t instanceof LocalDateTime ldt) {
                return ldt.atZone(zone).toInstant();
            }
            if (t instanceof LocalDate ld) {
                return ld.atStartOfDay(zone).toInstant();
            }
            return null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean plausible(Instant t) {
        if (t == null) {
            return false;
        }
        int year = t.atZone(ZoneId.of("UTC")).getYear();
        return year >= 1800 && year <= 2200;
    }
}
