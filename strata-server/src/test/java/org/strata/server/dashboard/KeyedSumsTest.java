package org.strata.server.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedSumsTest {

    @Test
    void countsAndSumsEveryKeyAsAMapWouldThroughManyGrowths() {
        KeyedSums sums = new KeyedSums();
        Map<Long, long[]> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        long[] extremes = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        for (int i = 0; i < 300_000; i++) {
            long key = i < extremes.length ? extremes[i] : random.nextLong(-40_000, 40_000) * 1_000_003L;
            long amount = random.nextLong(-10_000, 10_000);
            sums.add(key, amount);
            long[] sum = expected.computeIfAbsent(key, k -> new long[2]);
            sum[0]++;
            sum[1] += amount;
        }
        Map<Long, long[]> actual = new HashMap<>();
        sums.forEach((key, count, cents) -> assertThat(actual.put(key, new long[] {count, cents})).isNull());

        assertThat(sums.size()).isEqualTo(expected.size()).isGreaterThan(50_000);
        assertThat(actual).containsOnlyKeys(expected.keySet());
        expected.forEach((key, sum) -> assertThat(actual.get(key)).as("key %d", key).containsExactly(sum));
    }

    @Test
    void aSumBeyondALongIsAnErrorNotAWrappedFigure() {
        KeyedSums sums = new KeyedSums();
        sums.add(5, Long.MAX_VALUE);

        assertThatThrownBy(() -> sums.add(5, 1)).isInstanceOf(ArithmeticException.class);
    }
}
