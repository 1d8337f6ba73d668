package org.strata.server.ingest.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Reads the date and time notations found in Chinese business exports into an {@link OffsetDateTime}. Local times
 * are in the configured zone; a value with its own offset keeps its instant and is shown in the configured zone.
 * <p>
 * Accepted: {@code 2026-03-01}, {@code 2026/3/1}, {@code 2026.3.1}, {@code 20260301}, {@code 20260301140500},
 * {@code 2026-03-01 14:05[:00[.123]]}, {@code 2026-03-01T14:05:00+08:00} (or {@code Z}), {@code 2026年3月1日 14时5分},
 * and Excel serial dates ({@code 46082}, {@code 46082.5}) between 1927 and 9999 — smaller numbers such as a bare
 * year {@code 2026} are far more likely a mistake than a date in 1905, so they are refused. Day-first notations
 * ({@code 1/3/2026}) are refused because they cannot be told apart from month-first ones.
 * <p>
 * Written as a hand scanner rather than a list of {@code DateTimeFormatter}s tried in turn: the common
 * {@code 2026-06-30 12:34:56} is read without allocation besides the result, and no exception is thrown for a
 * value that is not a date (an import with a broken column would otherwise throw once per row).
 */
public final class DateTimeValues {

    /** Excel's day 0 is 1899-12-30 for serials after the phantom 1900-02-29 (serial 60). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int MIN_SERIAL = 10_000;     // 1927-05-18
    private static final int MAX_SERIAL = 2_958_465;  // 9999-12-31

    private final ZoneId zone;
    private final ZoneRules rules;
    /** From this local time on the zone's offset never changes (China: since 1991); null when it keeps changing. */
    private final LocalDateTime fixedFrom;
    private final ZoneOffset fixedOffset;

    public DateTimeValues(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        // Looking the offset up in the transition table costs a binary search per value; for zones without
        // daylight saving today (Asia/Shanghai) every date after the last transition has one offset.
        ZoneOffsetTransition last = rules.getTransitionRules().isEmpty() && !rules.getTransitions().isEmpty()
                ? rules.getTransitions().get(rules.getTransitions().size() - 1) : null;
        this.fixedFrom = last == null ? null : last.getDateTimeAfter().plusDays(1);
        this.fixedOffset = last == null ? null : last.getOffsetAfter();
    }

    public ZoneId zone() {
        return zone;
    }

    /** @return the instant, or null when {@code raw} (trimmed, not empty) is not a date in an accepted notation */
    public OffsetDateTime parse(String raw) {
        LocalDateTime plain = fastPath(raw);
        if (plain != null) {
            return atZone(plain);
        }
        String s = Text.asciiFolded(raw).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (isNumber(s)) {
            return numeric(s);
        }
        return new Scanner(s).scan();
    }

    /** The local date-time an Excel date cell holds, in the configured zone. */
    public OffsetDateTime atZone(LocalDateTime local) {
        if (fixedFrom != null && local.isAfter(fixedFrom)) {
            return OffsetDateTime.of(local, fixedOffset);
        }
        return OffsetDateTime.of(local, rules.getOffset(local));
    }

    /** {@code yyyy-MM-dd} and {@code yyyy-MM-dd HH:mm:ss}, the notations of machine exports. */
    private static LocalDateTime fastPath(String s) {
        int n = s.length();
        if (n != 10 && n != 19) {
            return null;
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0 || !validDate(year, month, day)) {
            return null;
        }
        if (n == 10) {
            return LocalDateTime.of(year, month, day, 0, 0);
        }
        if (s.charAt(10) != ' ' && s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    private OffsetDateTime numeric(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (dot < 0 && whole.length() == 8) {
            return compact(whole, 0, 0, 0);
        }
        if (dot < 0 && whole.length() == 14) {
            return compact(whole, digits(whole, 8, 2), digits(whole, 10, 2), digits(whole, 12, 2));
        }
        if (whole.length() > 7) {
            return null;
        }
        int days = whole.isEmpty() ? 0 : Integer.parseInt(whole);
        if (days < MIN_SERIAL || days > MAX_SERIAL) {
            return null;
        }
        long seconds = 0;
        if (dot >= 0 && dot < s.length() - 1) {
            double fraction = Double.parseDouble("0" + s.substring(dot));
            seconds = Math.round(fraction * 86_400);
        }
        LocalDateTime local = EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds);
        return atZone(local);
    }

    private OffsetDateTime compact(String s, int hour, int minute, int second) {
        int year = digits(s, 0, 4), month = digits(s, 4, 2), day = digits(s, 6, 2);
        if (!validDate(year, month, day) || !validTime(hour, minute, second)) {
            return null;
        }
        return atZone(LocalDateTime.of(year, month, day, hour, minute, second));
    }

    private static boolean isNumber(String s) {
        boolean dot = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digits at {@code [from, from+count)} as a number, or -1 when any of them is not a digit. */
    static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean validDate(int year, int month, int day) {
        if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= LocalDate.of(year, month, 1).lengthOfMonth();
    }

    static boolean validTime(int hour, int minute, int second) {
        return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    }

    /** Reads {@code y sep M sep d [(' '|'T') H sep m [sep s [.fff]]] [Z|±hh[:mm]]} with separators - / . or 年月日时分秒. */
    private final class Scanner {
        private final String s;
        private int pos;

        Scanner(String s) {
            this.s = s;
        }

        OffsetDateTime scan() {
            int year = number(4, 4);
            char dateSep = peek();
            if (year < 0 || !(dateSep == '-' || dateSep == '/' || dateSep == '.' || dateSep == '年')) {
                return null;
            }
            pos++;
            int month = number(1, 2);
            char monthSep = peek();
            boolean chinese = dateSep == '年';
            if (month < 0 || monthSep != (chinese ? '月' : dateSep)) {
                return null;
            }
            pos++;
            int day = number(1, 2);
            if (day < 0 || !validDate(year, month, day)) {
                return null;
            }
            if (chinese && peek() == '日' || peek() == '号') {
                pos++;
            }
            int hour = 0, minute = 0, second = 0, nanos = 0;
            if (pos < s.length() && (peek() == ' ' || peek() == 'T' || chinese)) {
                while (peek() == ' ' || peek() == 'T') {
                    pos++;
                }
                hour = number(1, 2);
                char timeSep = peek();
                if (hour < 0 || !(timeSep == ':' || timeSep == '时' || timeSep == '点')) {
                    return null;
                }
                pos++;
                minute = number(1, 2);
                if (minute < 0) {
                    return null;
                }
                if (timeSep != ':' && peek() == '分') {
                    pos++;
                }
                if (timeSep == ':' && peek() == ':' || timeSep != ':' && Character.isDigit(peek())) {
                    if (timeSep == ':') {
                        pos++;
                    }
                    second = number(1, 2);
                    if (second < 0) {
                        return null;
                    }
                    if (timeSep != ':' && peek() == '秒') {
                        pos++;
                    }
                    if (peek() == '.') {
                        pos++;
                        int start = pos;
                        int fraction = number(1, 9);
                        if (fraction < 0) {
                            return null;
                        }
                        nanos = fraction * (int) Math.pow(10, 9 - (pos - start));
                    }
                }
                if (!validTime(hour, minute, second)) {
                    return null;
                }
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            while (peek() == ' ') {
                pos++;
            }
            if (pos == s.length()) {
                return atZone(local);
            }
            ZoneOffset offset = offset();
            if (offset == null || pos != s.length()) {
                return null;
            }
            return OffsetDateTime.of(local, offset).atZoneSameInstant(zone).toOffsetDateTime();
        }

        private ZoneOffset offset() {
            char c = peek();
            if (c == 'Z') {
                pos++;
                return ZoneOffset.UTC;
            }
            if (c != '+' && c != '-') {
                return null;
            }
            pos++;
            int hours = number(2, 2);
            int minutes = 0;
            if (peek() == ':') {
                pos++;
            }
            if (pos < s.length()) {
                minutes = number(2, 2);
            }
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return null;
            }
            int sign = c == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }

        /** Between min and max digits at the cursor, or -1. */
        private int number(int min, int max) {
            int start = pos;
            int value = 0;
            while (pos < s.length() && pos - start < max && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                value = value * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            return pos - start >= min ? value : -1;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }
    }
}
