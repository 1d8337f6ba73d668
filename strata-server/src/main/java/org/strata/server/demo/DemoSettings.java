package org.strata.server.demo;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What demo company to build. The same settings build the same data: every choice is drawn from one random
 * generator seeded with {@code seed}, and "now" is fixed by the caller.
 *
 * @param customers number of customers before duplicates are added for the merge examples
 * @param now       the end of the two years of history; nothing is dated after it
 */
public record DemoSettings(long seed, int customers, Instant now, ZoneId zone) {

    public static final long DEFAULT_SEED = 20260301L;
    public static final int DEFAULT_CUSTOMERS = 30_000;

    public DemoSettings {
        if (customers < 100) {
            throw new IllegalArgumentException("the demo needs at least 100 customers, was " + customers);
        }
    }
}
