package org.strata.server.playbook.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: the n-th retry waits between half and all of first * 2^(n-1), capped. The jitter
 * spreads the retries of a receiver that was down for everyone, so they do not all hit it again at the same moment.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The delay after the {@code attempts}-th failed attempt (1 = the first attempt failed). */
    Duration after(int attempts) {
        long ceiling = ceilingMillis(attempts);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    long ceilingMillis(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long millis = first.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Math.max(1, Math.min(millis, max.toMillis()));
    }
}
