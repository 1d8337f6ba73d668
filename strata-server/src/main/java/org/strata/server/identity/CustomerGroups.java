package org.strata.server.identity;

import org.strata.server.ingest.IdentityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Union-find over customer ids for one batch: customers linked by a shared key form one group, transitively.
 * Each group is represented by its smallest id, the oldest customer, which is therefore the survivor of every merge
 * (a deterministic choice: the same data always gives the same survivor). Pairs kept apart by an undone merge are
 * never joined, not even through a third customer.
 */
final class CustomerGroups {

    private final Map<Long, Long> parent = new HashMap<>();
    private final List<long[]> keptApart;
    private final List<Merge> merges = new ArrayList<>();

    /** @param keptApart pairs of root customer ids that must stay in different groups */
    CustomerGroups(List<long[]> keptApart) {
        this.keptApart = keptApart;
    }

    long find(long id) {
        long root = id;
        Long up;
        while ((up = parent.get(root)) != null && up != root) {
            root = up;
        }
        // Path compression keeps later finds short.
        long current = id;
        while ((up = parent.get(current)) != null && up != root) {
            parent.put(current, root);
            current = up;
        }
        return root;
    }

    /** Joins the groups of a and b because they share {@code key}; false when already joined or kept apart. */
    boolean join(long a, long b, IdentityKey key) {
        long rootA = find(a);
        long rootB = find(b);
        if (rootA == rootB || keptApart(rootA, rootB)) {
            return false;
        }
        long survivor = Math.min(rootA, rootB);
        long absorbed = Math.max(rootA, rootB);
        parent.put(absorbed, survivor);
        merges.add(new Merge(survivor, absorbed, key));
        return true;
    }

    private boolean keptApart(long rootA, long rootB) {
        for (long[] pair : keptApart) {
            long first = find(pair[0]);
            long second = find(pair[1]);
            if (first == rootA && second == rootB || first == rootB && second == rootA) {
                return true;
            }
        }
        return false;
    }

    /** The merges made, in the order they must be applied (an absorbed customer may absorb others first). */
    List<Merge> merges() {
        return merges;
    }

    record Merge(long survivor, long absorbed, IdentityKey key) {
    }
}
