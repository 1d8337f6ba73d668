package org.strata.server.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFingerprintsTest {

    @Test
    void aKeyIsNewOnlyTheFirstTimeItComes() {
        KeyFingerprints seen = new KeyFingerprints();

        assertThat(seen.add("shop/O-1")).isTrue();
        assertThat(seen.add("shop/O-2")).isTrue();
        assertThat(seen.add("shop/O-1")).isFalse();
        assertThat(seen.add("")).isTrue();
        assertThat(seen.add("")).isFalse();
    }

    @Test
    void aMillionDistinctKeysAreAllNewAndAllRememberedThroughTheGrowths() {
        KeyFingerprints seen = new KeyFingerprints();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add("O-" + i)).isTrue();
        }
        for (int i = 0; i < 1_000_000; i += 997) {
            assertThat(seen.add("O-" + i)).isFalse();
        }
    }
}
