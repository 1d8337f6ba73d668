package org.strata.server.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreationTimesTest {

    private final CreationTimes times = CreationTimes.of(Map.of(1_000L, 2L, 5_000L, 3L, 9_000L, 1L));

    @Test
    void countsTheCustomersCreatedAtOrBeforeTheMoment() {
        assertThat(times.existingAt(Instant.ofEpochMilli(999))).isZero();
        assertThat(times.existingAt(Instant.ofEpochMilli(1_000))).isEqualTo(2);
        assertThat(times.existingAt(Instant.ofEpochMilli(4_999))).isEqualTo(2);
        assertThat(times.existingAt(Instant.ofEpochMilli(5_000))).isEqualTo(5);
        assertThat(times.existingAt(Instant.ofEpochMilli(100_000))).isEqualTo(6);
    }

    @Test
    void comparesAtMillisecondPrecisionLikeTheStoredTimes() {
        assertThat(times.existingAt(Instant.ofEpochMilli(5_000).plusNanos(999_999))).isEqualTo(5);
    }

    @Test
    void noCustomersExistAtAnyMoment() {
        assertThat(CreationTimes.of(Map.of()).existingAt(Instant.ofEpochMilli(1_000))).isZero();
    }
}
