package org.strata.server.tiering;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * When a scheme runs by itself: daily, weekly (on a weekday), monthly or quarterly (on a day of the month, 0 = the
 * last day) at a time of day in a time zone.
 *
 * @param day weekly: 1 = Monday .. 7 = Sunday; monthly and quarterly: 1..28, or 0 for the last day of the month
 *            (days 29-31 would silently skip short months, so they are refused); daily: ignored
 */
public record ScheduleSpec(Frequency frequency, Integer day, LocalTime time, ZoneId zone) {

    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, QUARTERLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Frequency of(String code) {
            for (Frequency frequency : values()) {
                if (frequency.code().equalsIgnoreCase(code.strip())) {
                    return frequency;
                }
            }
            throw new IllegalArgumentException("frequency must be daily, weekly, monthly or quarterly, was '" + code
                    + "'");
        }
    }

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public ScheduleSpec {
        if (frequency == null) {
            throw new IllegalArgumentException("frequency is required: daily, weekly, monthly or quarterly");
        }
        if (time == null) {
            throw new IllegalArgumentException("time is required, e.g. 02:30");
        }
        zone = zone == null ? DEFAULT_ZONE : zone;
        switch (frequency) {
            case DAILY -> day = null;
            case WEEKLY -> {
                if (day == null || day < 1 || day > 7) {
                    throw new IllegalArgumentException("a weekly schedule needs day 1 (Monday) .. 7 (Sunday), was "
                            + day);
                }
            }
            case MONTHLY, QUARTERLY -> {
                if (day == null || day < 0 || day > 28) {
                    throw new IllegalArgumentException("a " + frequency.code() + " schedule needs day 1..28, or 0 "
                            + "for the last day of the month, was " + day);
                }
            }
        }
    }

    /** The Spring cron expression (second minute hour day-of-month month day-of-week) of this schedule. */
    public String cron() {
        String at = "0 " + time.getMinute() + " " + time.getHour() + " ";
        return switch (frequency) {
            case DAILY -> at + "* * *";
            case WEEKLY -> at + "* * " + DayOfWeek.of(day).name().substring(0, 3);
            case MONTHLY -> at + dayOfMonth() + " * *";
            case QUARTERLY -> at + dayOfMonth() + " 1,4,7,10 *";
        };
    }

    private String dayOfMonth() {
        return day == 0 ? "L" : String.valueOf(day);
    }
}
