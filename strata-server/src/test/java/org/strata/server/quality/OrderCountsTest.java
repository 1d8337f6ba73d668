package org.strata.server.quality;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderCountsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-01T10:00:00+08:00");
    private static final String[] SOURCES = {"shop", "store", "crm"};

    @Test
    void countsOrdersAndNonPositiveOnesPerCustomerAndSourceThroughManyGrowths() {
        OrderCounts counts = new OrderCounts();
        Map<String, int[]> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long customer = random.nextLong(1, 60_000);
            String source = SOURCES[random.nextInt(SOURCES.length)];
            // the first non-positive amount comes only after the table has grown several times
            boolean nonPositive = i > 100_000 && random.nextInt(10) == 0;
            counts.add(customer, source, nonPositive, AT);
            int[] pair = expected.computeIfAbsent(customer + "/" + source, k -> new int[2]);
            pair[0]++;
            pair[1] += nonPositive ? 1 : 0;
        }

        long[] keys = counts.sortedKeys();
        assertThat(counts.usable()).isTrue();
        assertThat(keys).hasSize(expected.size());
        assertThat(keys).isSorted();
        for (long key : keys) {
            int[] pair = expected.get(OrderCounts.customerOf(key) + "/" + counts.sourceOf(key));
            assertThat(pair).as("key %d", key).isNotNull();
            assertThat(counts.ordersOf(key)).isEqualTo(pair[0]);
            assertThat(counts.nonPositiveOf(key)).isEqualTo(pair[1]);
        }
        assertThat(Arrays.stream(keys).map(OrderCounts::customerOf).distinct().count())
                .isEqualTo(expected.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().count());
    }

    @Test
    void ordersOfNobodyAreSeenButNotKeyed() {
        OrderCounts counts = new OrderCounts();
        counts.add(null, "shop", true, AT);
        counts.add(3L, "shop", false, AT.plusDays(1));

        assertThat(counts.seen()).isEqualTo(2);
        assertThat(counts.ofNobody()).isEqualTo(1);
        assertThat(counts.nonPositiveSeen()).isEqualTo(1);
        assertThat(counts.latest()).isEqualTo(AT.plusDays(1));
        assertThat(counts.sortedKeys()).containsExactly(OrderCounts.firstKeyOf(3));
        assertThat(counts.nonPositiveOf(OrderCounts.firstKeyOf(3))).isZero();
    }

    @Test
    void aCustomerIdBeyondTheKeysBitsMakesTheCountsUnusableButStillSeen() {
        OrderCounts counts = new OrderCounts();
        counts.add(1L, "shop", false, AT);
        counts.add(1L << OrderCounts.CUSTOMER_BITS, "shop", false, AT);
        counts.add(2L, "shop", false, AT);

        assertThat(counts.usable()).isFalse();
        assertThat(counts.seen()).isEqualTo(3);
        assertThat(counts.sortedKeys()).isEmpty();
    }
}
