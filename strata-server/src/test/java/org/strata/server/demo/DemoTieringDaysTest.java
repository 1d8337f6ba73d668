package org.strata.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoTieringDaysTest {

    @Test
    void theFirstOfEachOfTheLastTwelveMonthsThenTodayOldestFirst() {
        assertThat(DemoTiering.remainingDays(null, LocalDate.parse("2026-11-22"))).hasSize(13)
                .startsWith(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-01"))
                .endsWith(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-22"));
    }

    @Test
    void onTheFirstOfAMonthTodayIsThatMonthsRunNotASecondOne() {
        assertThat(DemoTiering.remainingDays(null, LocalDate.parse("2026-11-01"))).hasSize(12)
                .endsWith(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"));
    }

    @Test
    void aRestartContinuesAfterTheLastDayRunEvenOnALaterDay() {
        assertThat(DemoTiering.remainingDays(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-03")))
                .containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"));
        assertThat(DemoTiering.remainingDays(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-22"))).isEmpty();
    }
}
