package org.strata.server.ingest.value;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads money amounts and quantities as written in Chinese exports: {@code 1234.5}, {@code 1,234.50},
 * {@code ¥1,234.50}, {@code ￥1234.5}, {@code 1234.5元}, {@code RMB 1,234.50}, {@code CNY1234}, {@code -12}.
 * <p>
 * An amount in parentheses, {@code (12.00)}, is read as negative (-12.00): that is how accounting exports write
 * negative numbers, and reading it as positive would silently turn a refund into revenue. Callers that do not
 * allow negatives (order amounts) then reject it with a reason that says so.
 * <p>
 * Thousands separators must group by three ({@code 12,34} is refused: it is more likely a decimal comma than a
 * separator). Anything else ({@code 12.3.4}, {@code abc}, {@code 1.234,50}) is not an amount.
 */
public final class AmountValues {

    /** Longest plain number taken by the fast path; more digits than NUMERIC(18, x) holds are checked by callers. */
    private static final int FAST_PATH_MAX = 24;

    private AmountValues() {
    }

    /** @return the number, or null when {@code raw} (trimmed, not empty) is not an amount */
    public static BigDecimal parse(String raw) {
        if (isPlainDecimal(raw)) {
            return new BigDecimal(raw);
        }
        String s = Text.withoutSpaces(Text.asciiFolded(raw));
        boolean negative = false;
        if (s.length() > 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')') {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        s = withoutCurrency(s);
        if (s.startsWith("-") && !negative) {  // ¥-12.00
            negative = true;
            s = s.substring(1);
        }
        String digits = withoutGrouping(s);
        if (digits == null || !isPlainDecimal(digits) || digits.startsWith("-")) {
            return null;
        }
        BigDecimal value = new BigDecimal(digits);
        return negative ? value.negate() : value;
    }

    /** Strips one leading and one trailing mark of the yuan: ¥, RMB, CNY, 人民币 before; 元, RMB, CNY after. */
    private static String withoutCurrency(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.startsWith("¥")) {
            s = s.substring(1);
        } else if (upper.startsWith("RMB") || upper.startsWith("CNY")) {
            s = s.substring(3);
        } else if (upper.startsWith("人民币")) {
            s = s.substring(3);
        }
        upper = s.toUpperCase(Locale.ROOT);
        if (upper.endsWith("元")) {
            s = s.substring(0, s.length() - 1);
        } else if (upper.endsWith("RMB") || upper.endsWith("CNY")) {
            s = s.substring(0, s.length() - 3);
        }
        return s;
    }

    /** {@code 1,234,567.8} becomes {@code 1234567.8}; badly grouped separators give null. */
    private static String withoutGrouping(String s) {
        if (s.indexOf(',') < 0) {
            return s;
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String[] groups = whole.split(",", -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return null;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return null;
            }
        }
        return String.join("", groups) + (dot < 0 ? "" : s.substring(dot));
    }

    /** {@code -?digits(.digits)?} with at least one digit before the point: what {@link BigDecimal} reads as is. */
    static boolean isPlainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > FAST_PATH_MAX) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i == n - 1) {
            return false;
        }
        i++;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == n;
    }
}
