package org.strata.server.ingest.mapping;

import java.text.Normalizer;
import java.util.Locale;

/** How headers are compared: {@code Customer ID}, {@code customer_id}, {@code CUSTOMER-ID} and {@code 客户编号（必填）} match their aliases. */
public final class HeaderNames {

    private HeaderNames() {
    }

    /**
     * NFKC (full-width letters and brackets become ASCII), lower-case, without bracketed notes such as units
     * ({@code 金额(元)}), and without spaces, underscores, dashes and dots.
     */
    public static String key(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '【') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '】') && depth > 0) {
                depth--;
            } else if (depth == 0 && !(Character.isWhitespace(c) || c == '_' || c == '-' || c == '.' || c == '\uFEFF')) {
                out.append(c);
            }
        }
        // A header that is nothing but a note, e.g. "(备注)", keeps its text rather than becoming empty.
        return out.length() == 0 ? s.strip() : out.toString();
    }
}
