package org.strata.engine.data;

/**
 * Reads amounts the way people write them in exports: {@code 1234.5}, {@code -12}, {@code ¥1,234.50}, {@code ￥ 99},
 * {@code RMB 1,000}, {@code 1 234,00} is NOT accepted (a comma is only a thousands separator, as in zh-CN).
 */
public final class Amounts {

    private Amounts() {
    }

    /**
     * The amount in {@code text}.
     *
     * @throws NumberFormatException when the text is not an amount; the message says what is accepted
     */
    public static double parse(CharSequence text) {
        String s = text.toString().strip();
        StringBuilder digits = new StringBuilder(s.length());
        boolean negative = false;
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        // currency marks may stand before or after the sign: -¥12 and ¥-12 are both seen in the wild
        for (String mark : new String[] {"¥", "￥", "RMB", "CNY", "$"}) {
            if (s.startsWith(mark, i)) {
                i += mark.length();
                break;
            }
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '-' && !negative) {
            negative = true;
            i++;
        }
        boolean sawDigit = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                sawDigit = true;
            } else if (c == '.' || c == 'e' || c == 'E' || ((c == '-' || c == '+') && digits.length() > 0
                    && (digits.charAt(digits.length() - 1) == 'e' || digits.charAt(digits.length() - 1) == 'E'))) {
                digits.append(c);
            } else if (c != ',') {
                throw notAnAmount(text);
            }
        }
        if (!sawDigit) {
            throw notAnAmount(text);
        }
        try {
            double value = Double.parseDouble(digits.toString());
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw notAnAmount(text);
        }
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isAmount(CharSequence text) {
        try {
            parse(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static NumberFormatException notAnAmount(CharSequence text) {
        return new NumberFormatException("'" + text + "' is not an amount; expected e.g. 1234.50, -12, ¥1,234.50");
    }
}
