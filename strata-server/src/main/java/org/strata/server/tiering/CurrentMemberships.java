package org.strata.server.tiering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database holds now for one scheme, laid out by the rows of a {@link FeatureSnapshot}, plus the
 * memberships of customers the snapshot does not hold (merged or removed since): they are to leave.
 */
final class CurrentMemberships {

    final String[] tier;
    final long[] sinceMillis;
    final String[] pendingTier;
    final int[] pendingRuns;
    final Map<Integer, Set<String>> ruleTags = new HashMap<>();
    final List<Orphan> orphans = new ArrayList<>();
    final Map<Long, Set<String>> orphanTags = new HashMap<>();

    /** A membership whose customer is no longer among the customers tiered. */
    record Orphan(long customerId, String tier) {
    }

    CurrentMemberships(int rows) {
        tier = new String[rows];
        sinceMillis = new long[rows];
        pendingTier = new String[rows];
        pendingRuns = new int[rows];
    }

    void put(int row, String tierKey, long since, String pending, int runs) {
        tier[row] = tierKey.intern();
        sinceMillis[row] = since;
        pendingTier[row] = pending == null ? null : pending.intern();
        pendingRuns[row] = runs;
    }

    void tag(int row, String tag) {
        ruleTags.computeIfAbsent(row, r -> new HashSet<>(4)).add(tag.intern());
    }

    Set<String> tags(int row) {
        return ruleTags.getOrDefault(row, Set.of());
    }
}
