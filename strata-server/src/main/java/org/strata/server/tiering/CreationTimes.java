package org.strata.server.tiering;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Numbers of customers by creation time (epoch milliseconds), to tell how many existed at a moment. */
public final class CreationTimes {

    private final long[] millis;
    /** customersUpTo[i]: customers created at or before millis[i] */
    private final long[] customersUpTo;

    private CreationTimes(long[] millis, long[] customersUpTo) {
        this.millis = millis;
        this.customersUpTo = customersUpTo;
    }

    /** @param customersByMillis customers per creation time; a time may be given more than once in parts */
    public static CreationTimes of(Map<Long, Long> customersByMillis) {
        TreeMap<Long, Long> sorted = new TreeMap<>(customersByMillis);
        long[] millis = new long[sorted.size()];
        long[] upTo = new long[sorted.size()];
        int i = 0;
        long running = 0;
        for (Map.Entry<Long, Long> entry : sorted.entrySet()) {
            running += entry.getValue();
            millis[i] = entry.getKey();
            upTo[i++] = running;
        }
        return new CreationTimes(millis, upTo);
    }

    /** Customers created at or before {@code at}, compared at millisecond precision. */
    public int existingAt(Instant at) {
        int index = Arrays.binarySearch(millis, at.toEpochMilli());
        int last = index >= 0 ? index : -index - 2;
        return last < 0 ? 0 : Math.toIntExact(customersUpTo[last]);
    }
}
