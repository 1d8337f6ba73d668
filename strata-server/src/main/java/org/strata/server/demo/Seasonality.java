package org.strata.server.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Map;

/**
 * How much more (or less) people buy on a given day than on an ordinary one. Consumers follow the shopping
 * festivals (618, 双11, 双12, the 年货节 before the Spring Festival) and stop during the Spring Festival holiday;
 * companies buy at quarter and year end and also stop for the Spring Festival.
 */
final class Seasonality {

    /** 春节 (first day of the lunar year); years outside the table fall back to early February. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.ofEntries(
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)), Map.entry(2031, LocalDate.of(2031, 1, 23)),
            Map.entry(2032, LocalDate.of(2032, 2, 11)), Map.entry(2033, LocalDate.of(2033, 1, 31)),
            Map.entry(2034, LocalDate.of(2034, 2, 19)), Map.entry(2035, LocalDate.of(2035, 2, 8)));

    private Seasonality() {
    }

    static LocalDate springFestival(int year) {
        return SPRING_FESTIVAL.getOrDefault(year, LocalDate.of(year, 2, 1));
    }

    static double consumer(LocalDate day) {
        double holiday = springFestivalEffect(day, 0.3);
        if (holiday != 1.0) {
            return holiday;
        }
        MonthDay md = MonthDay.from(day);
        double factor = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1.15 : 1.0;
        if (md.equals(MonthDay.of(11, 11))) {
            return 6.0;
        }
        if (between(md, MonthDay.of(6, 16), MonthDay.of(6, 18))) {
            return 3.0;
        }
        if (between(md, MonthDay.of(6, 1), MonthDay.of(6, 15))) {
            return factor * 1.6;
        }
        if (between(md, MonthDay.of(10, 20), MonthDay.of(11, 10))) {
            return factor * 1.8;
        }
        if (between(md, MonthDay.of(11, 12), MonthDay.of(11, 13))) {
            return 1.5;
        }
        if (md.equals(MonthDay.of(12, 12))) {
            return 2.0;
        }
        LocalDate festival = springFestival(day.getYear() + (day.getMonthValue() >= 12 ? 1 : 0));
        if (!day.isBefore(festival.minusDays(24)) && day.isBefore(festival.minusDays(4))) {
            return factor * 1.4; // 年货节
        }
        return factor;
    }

    static double business(LocalDate day) {
        double holiday = springFestivalEffect(day, 0.2);
        if (holiday != 1.0) {
            return holiday;
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return 0.3;
        }
        Month month = day.getMonth();
        if (month == Month.DECEMBER) {
            return 1.5;
        }
        boolean quarterEnd = month == Month.MARCH || month == Month.JUNE || month == Month.SEPTEMBER;
        return quarterEnd && day.getDayOfMonth() > 15 ? 1.3 : 1.0;
    }

    /** The holiday week: from three days before the Spring Festival to a week after it. */
    private static double springFestivalEffect(LocalDate day, double dip) {
        LocalDate festival = springFestival(day.getYear());
        return !day.isBefore(festival.minusDays(3)) && !day.isAfter(festival.plusDays(7)) ? dip : 1.0;
    }

    private static boolean between(MonthDay day, MonthDay first, MonthDay last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
