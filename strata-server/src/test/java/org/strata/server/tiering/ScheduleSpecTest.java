package org.strata.server.tiering;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;
import org.strata.server.tiering.ScheduleSpec.Frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleSpecTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 7, 1, 10, 0, 0, 0, SHANGHAI); // a Wednesday

    static ZonedDateTime next(ScheduleSpec spec) {
        return CronExpression.parse(spec.cron()).next(NOW);
    }

    @Test
    void dailyRunsAtTheTimeEveryDay() {
        ScheduleSpec spec = new ScheduleSpec(Frequency.DAILY, 5, LocalTime.of(2, 30), null);

        assertThat(spec.cron()).isEqualTo("0 30 2 * * *");
        assertThat(spec.day()).as("a day means nothing for a daily schedule").isNull();
        assertThat(spec.zone()).isEqualTo(SHANGHAI);
        assertThat(next(spec)).isEqualTo(ZonedDateTime.of(2026, 7, 2, 2, 30, 0, 0, SHANGHAI));
    }

    @Test
    void weeklyRunsOnTheWeekday() {
        ScheduleSpec spec = new ScheduleSpec(Frequency.WEEKLY, 1, LocalTime.of(6, 0), SHANGHAI);

        assertThat(spec.cron()).isEqualTo("0 0 6 * * MON");
        assertThat(next(spec)).isEqualTo(ZonedDateTime.of(2026, 7, 6, 6, 0, 0, 0, SHANGHAI));
        assertThat(new ScheduleSpec(Frequency.WEEKLY, 7, LocalTime.of(6, 0), SHANGHAI).cron()).endsWith("SUN");
    }

    @Test
    void monthlyRunsOnTheDayOrTheLastDayOfTheMonth() {
        assertThat(new ScheduleSpec(Frequency.MONTHLY, 1, LocalTime.of(3, 15), SHANGHAI).cron())
                .isEqualTo("0 15 3 1 * *");
        ScheduleSpec last = new ScheduleSpec(Frequency.MONTHLY, 0, LocalTime.of(23, 0), SHANGHAI);

        assertThat(last.cron()).isEqualTo("0 0 23 L * *");
        assertThat(next(last)).isEqualTo(ZonedDateTime.of(2026, 7, 31, 23, 0, 0, 0, SHANGHAI));
    }

    @Test
    void quarterlyRunsInTheFirstMonthOfEachQuarter() {
        ScheduleSpec spec = new ScheduleSpec(Frequency.QUARTERLY, 2, LocalTime.of(4, 0), SHANGHAI);

        assertThat(spec.cron()).isEqualTo("0 0 4 2 1,4,7,10 *");
        assertThat(next(spec)).isEqualTo(ZonedDateTime.of(2026, 7, 2, 4, 0, 0, 0, SHANGHAI));
        assertThat(CronExpression.parse(spec.cron()).next(next(spec)))
                .isEqualTo(ZonedDateTime.of(2026, 10, 2, 4, 0, 0, 0, SHANGHAI));
    }

    @Test
    void daysThatWouldSkipMonthsOrAreNotWeekdaysAreRefused() {
        assertThatThrownBy(() -> new ScheduleSpec(Frequency.MONTHLY, 31, LocalTime.NOON, SHANGHAI))
                .hasMessageContaining("1..28, or 0 for the last day");
        assertThatThrownBy(() -> new ScheduleSpec(Frequency.WEEKLY, 0, LocalTime.NOON, SHANGHAI))
                .hasMessageContaining("1 (Monday) .. 7 (Sunday)");
        assertThatThrownBy(() -> Frequency.of("hourly")).hasMessageContaining("daily, weekly, monthly or quarterly");
    }
}
