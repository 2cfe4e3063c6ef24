package io.newslens.text;

/**
 * Undoes the commonest text damage in scraped news: UTF-8 bytes decoded as Latin-1 or Windows-1252 on the way to
 * the file ("Â£600m" for "£600m", "wasnâ€™t" for "wasn’t", "CafÃ©" for "Café", "ä¸­å›½" for "中国"). A run of
 * characters is turned back into its bytes (Latin-1, or Windows-1252 for its 27 printable characters in 0x80–0x9F)
 * and decoded as UTF-8 only where those bytes are one well-formed UTF-8 character that text plausibly holds; and a
 * text is changed only when the damage is unmistakable: a damaged "Â" or "Ã" (the first byte of every character
 * from U+0080 to U+00FF), a character of three or four bytes, or two damaged characters at least. So German „Gruß“
 * or a lone "Ä“" in upper-case text stays as written.
 */
public final class Mojibake {
    private Mojibake() {
    }

    /** Windows-1252's characters for bytes 0x80–0x9F (0 where it has none: Latin-1's C1 control stands there). */
    private static final char[] CP1252_HIGH = {
            '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039',
            '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122',
            '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};

    /** The byte a character stands for in Latin-1 or Windows-1252 text, or -1. */
    static int byteOf(char c) {
        if (c <= 0xFF) {
            return c;
        }
        for (int b = 0; b < CP1252_HIGH.length; b++) {
            if (CP1252_HIGH[b] == c) {
                return 0x80 + b;
            }
        }
        return -1;
    }

    /** The text with its damaged characters repaired, or the text itself when it has none (or too few to be sure). */
    public static String repair(String s) {
        if (s == null || !mayHoldDamage(s)) {
            return s;
        }
        StringBuilder out = null;
        int repaired = 0;
        boolean unmistakable = false;
        int i = 0;
        int copied = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            // Only Â to ô can start a damaged character (Windows-1252's own characters stand for continuation bytes).
            int len = c < 0xC2 || c > 0xF4 ? 0 : damagedAt(s, i);
            if (len == 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, i).appendCodePoint(decode(s, i, len));
            repaired++;
            unmistakable |= c == '\u00C2' || c == '\u00C3' || len >= 3;
            i += len;
            copied = i;
        }
        if (out == null || !unmistakable && repaired < 2) {
            return s;
        }
        return out.append(s, copied, s.length()).toString();
    }

    /** Fast check: a character that could be the first byte of a two- to four-byte UTF-8 character (Â to ô). */
    private static boolean mayHoldDamage(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0xC2 && c <= 0xF4) {
                return true;
            }
        }
        return false;
    }

    /** How many characters from {@code i} are one damaged UTF-8 character that text plausibly holds, else 0. */
    static int damagedAt(String s, int i) {
        int b0 = byteOf(s.charAt(i));
        int len = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
        if (len == 0 || i + len > s.length()) {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            int b = byteOf(s.charAt(i + k));
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        int b1 = byteOf(s.charAt(i + 1));
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if (b0 == 0xE0 && b1 < 0xA0 || b0 == 0xED && b1 > 0x9F || b0 == 0xF0 && b1 < 0x90 || b0 == 0xF4 && b1 > 0x8F) {
            return 0;
        }
        return plausible(decode(s, i, len), len) ? len : 0;
    }

    private static int decode(String s, int i, int len) {
        int cp = byteOf(s.charAt(i)) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (int k = 1; k < len; k++) {
            cp = cp << 6 | byteOf(s.charAt(i + k)) & 0x3F;
        }
        return cp;
    }

    /**
     * Whether news text plausibly holds this character: from two bytes, Latin-1's symbols and letters, Latin
     * Extended, Greek, Cyrillic, Hebrew and Arabic letters (not the C1 controls, nor NKo or Syriac, which is what "ß“"
     * or "Ü”" would give); from three or four bytes, any assigned character outside the private use areas.
     */
    private static boolean plausible(int cp, int len) {
        if (len == 2) {
            return cp >= 0xA0 && cp <= 0x24F || cp >= 0x370 && cp <= 0x52F && Character.isLetter(cp)
                    || cp >= 0x5D0 && cp <= 0x5EA || cp >= 0x620 && cp <= 0x64A;
        }
        int type = Character.getType(cp);
        return Character.isDefined(cp) && type != Character.PRIVATE_USE && type != Character.CONTROL && type != Character.SURROGATE;
    }
}
