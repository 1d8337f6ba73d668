package org.strata.server.customer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFigureSumsTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-06-01T12:00:00+08:00");

    @Test
    void countsCompletedAndPartlyRefundedOrdersNetOfRefundsWithTheirEarliestAndLatestTime() {
        OrderFigureSums sums = new OrderFigureSums();
        sums.add(7, "completed", new BigDecimal("100.00"), BigDecimal.ZERO, NOON);
        sums.add(7, "partially_refunded", new BigDecimal("50.00"), new BigDecimal("20.50"), NOON.minusDays(3));
        sums.add(7, "refunded", new BigDecimal("999.00"), new BigDecimal("999.00"), NOON.minusDays(9));
        sums.add(7, "cancelled", new BigDecimal("5.00"), BigDecimal.ZERO, NOON.plusDays(9));
        sums.add(7, "pending", new BigDecimal("5.00"), BigDecimal.ZERO, NOON.plusDays(9));

        OrderFigureSums.Figures figures = sums.of(7);
        assertThat(figures.count()).isEqualTo(2);
        assertThat(figures.spent()).isEqualByComparingTo("129.50");
        assertThat(figures.first().toInstant()).isEqualTo(NOON.minusDays(3).toInstant());
        assertThat(figures.last().toInstant()).isEqualTo(NOON.toInstant());
    }

    @Test
    void aCustomerWithoutCountedOrdersHasZerosAndNoTimes() {
        OrderFigureSums sums = new OrderFigureSums();
        sums.add(1, "cancelled", BigDecimal.ONE, BigDecimal.ZERO, NOON);
        assertThat(sums.of(1)).isEqualTo(OrderFigureSums.Figures.NONE);
        assertThat(sums.of(2)).isEqualTo(OrderFigureSums.Figures.NONE);
        assertThat(sums.customers()).isZero();
    }

    @Test
    void amountsAreSummedAsTheColumnStoresThemRoundedHalfAwayFromZeroAndTimesToTheMicrosecond() {
        OrderFigureSums sums = new OrderFigureSums();
        sums.add(3, "completed", new BigDecimal("0.005"), BigDecimal.ZERO, NOON.plusNanos(1_500));
        sums.add(3, "completed", new BigDecimal("0.005"), BigDecimal.ZERO, NOON);
        sums.add(3, "completed", new BigDecimal("-0.015"), BigDecimal.ZERO, NOON);
        OrderFigureSums.Figures figures = sums.of(3);
        // 0.01 + 0.01 - 0.02, not 0.005 + 0.005 - 0.015 = -0.005
        assertThat(figures.spent()).isEqualByComparingTo("0.00");
        assertThat(figures.last().toInstant()).isEqualTo(NOON.plusNanos(2_000).toInstant());
    }

    @Test
    void manyCustomersKeepTheirOwnFigures() {
        OrderFigureSums sums = new OrderFigureSums();
        for (int round = 0; round < 3; round++) {
            for (long customer = 1; customer <= 100_000; customer++) {
                sums.add(customer * 31, "completed", BigDecimal.valueOf(customer, 2), BigDecimal.ZERO,
                        NOON.plusSeconds(customer + round));
            }
        }
        assertThat(sums.customers()).isEqualTo(100_000);
        for (long customer = 1; customer <= 100_000; customer += 997) {
            OrderFigureSums.Figures figures = sums.of(customer * 31);
            assertThat(figures.count()).isEqualTo(3);
            assertThat(figures.spent()).isEqualByComparingTo(BigDecimal.valueOf(customer * 3, 2));
            assertThat(figures.last().toInstant()).isEqualTo(NOON.plusSeconds(customer + 2).toInstant());
        }
    }
}
