package org.strata.server.ingest.value;

import java.text.Normalizer;

/** Small text helpers shared by the value parsers. */
final class Text {

    private Text() {
    }

    /**
     * Full-width digits, letters and signs (１３８, ＠, ￥, ：) typed with a Chinese input method become their ASCII
     * forms; pure-ASCII text is returned as is without allocating. Chinese characters are not changed by NFKC.
     */
    static String asciiFolded(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    /** Removes every whitespace character, including the no-break space Excel likes to leave behind. */
    static String withoutSpaces(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (space && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!space && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
