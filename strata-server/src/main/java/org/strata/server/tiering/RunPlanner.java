package org.strata.server.tiering;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.strata.engine.scheme.Hysteresis;
import org.strata.engine.scheme.Placement;
import org.strata.engine.scheme.TieringScheme;

/**
 * Decides, customer by customer, what a run changes: the rules' placement, overridden by active pins, held back by
 * hysteresis for downgrades; then the difference against what is stored. Pure computation, no database.
 */
final class RunPlanner {

    private RunPlanner() {
    }

    /**
     * @param rows the snapshot rows to decide (all rows for a full run, the changed customers for a live update)
     * @param pins active pins by customer id (expired ones are ended by this run)
     */
    static RunPlan plan(Placement placement, long[] customerIds, BitSet rows, CurrentMemberships current,
                        Map<Long, ActivePin> pins, Instant now) {
        return plan(placement, customerIds, rows, current, pins, now, true);
    }

    /**
     * @param explain false: moves and tag changes carry no feature values ("why"), which a dry run, counting only,
     *                does not need and a million customers would pay for
     */
    static RunPlan plan(Placement placement, long[] customerIds, BitSet rows, CurrentMemberships current,
                        Map<Long, ActivePin> pins, Instant now, boolean explain) {
        TieringScheme scheme = placement.scheme();
        Hysteresis hysteresis = scheme.hysteresis();
        RunPlan plan = new RunPlan();
        for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
            plan.evaluated++;
            long customerId = customerIds[row];
            String ruled = placement.tierKey(row);
            String stored = current.tier[row];
            ActivePin pin = pins.get(customerId);
            if (pin != null && pin.expiredAt(now)) {
                plan.expiredPins.add(pin);
                pin = null;
            }
            if (pin != null && scheme.rank(pin.tier()) >= 0) {
                if (!pin.tier().equals(ruled)) {
                    plan.heldByPins++;
                }
                moveIfChanged(plan, customerId, stored, pin.tier(), row, current, pin.why());
            } else if (stored != null && isDowngrade(scheme, stored, ruled) && !hysteresis.isNone()) {
                int runs = current.pendingRuns[row] + 1;
                long daysInTier = Duration.ofMillis(now.toEpochMilli() - current.sinceMillis[row]).toDays();
                if (runs >= hysteresis.downgradeAfterRuns() && daysInTier >= hysteresis.minDaysInTier()) {
                    plan.moves.add(new RunPlan.Move(customerId, stored, ruled,
                            explain ? why(placement, row, runs) : Map.of()));
                } else {
                    plan.heldByHysteresis++;
                    plan.pending.add(new RunPlan.Pending(customerId, ruled, runs));
                }
            } else {
                moveIfChanged(plan, customerId, stored, ruled, row, current,
                        explain ? placement.why(row) : Map.of());
            }
            diffTags(plan, customerId, placement.tags(row), current.tags(row), explain ? placement : null, row);
        }
        for (CurrentMemberships.Orphan orphan : current.orphans) {
            plan.removals.add(new RunPlan.Removal(orphan.customerId(), orphan.tier()));
        }
        current.orphanTags.forEach((customerId, tags) -> tags.forEach(tag ->
                plan.tagChanges.add(new RunPlan.TagChange(customerId, tag, false, Map.of()))));
        return plan;
    }

    private static void moveIfChanged(RunPlan plan, long customerId, String stored, String target, int row,
                                      CurrentMemberships current, Map<String, Object> why) {
        if (!target.equals(stored)) {
            plan.moves.add(new RunPlan.Move(customerId, stored, target, why));
        } else if (current.pendingRuns[row] > 0) {
            // the downgrade that was pending is no longer asked for: the count starts again next time
            plan.pending.add(new RunPlan.Pending(customerId, null, 0));
        }
    }

    /** A move to a tier listed later; a stored tier the scheme no longer has is left at once, never held. */
    private static boolean isDowngrade(TieringScheme scheme, String stored, String target) {
        int from = scheme.rank(stored);
        return from >= 0 && scheme.rank(target) > from;
    }

    private static Map<String, Object> why(Placement placement, int row, int runs) {
        Map<String, Object> why = new LinkedHashMap<>(placement.why(row));
        why.put("consecutive_runs", runs);
        return why;
    }

    /** {@code placement} null: changes without the deciding values. */
    private static void diffTags(RunPlan plan, long customerId, List<String> wanted, Set<String> stored,
                                 Placement placement, int row) {
        for (String tag : wanted) {
            if (!stored.contains(tag)) {
                plan.tagChanges.add(new RunPlan.TagChange(customerId, tag, true,
                        placement == null ? Map.of() : placement.tagWhy(row, tag)));
            }
        }
        for (String tag : stored) {
            if (!wanted.contains(tag)) {
                plan.tagChanges.add(new RunPlan.TagChange(customerId, tag, false, Map.of()));
            }
        }
    }

    static BitSet allRows(int size) {
        BitSet rows = new BitSet(size);
        rows.set(0, size);
        return rows;
    }

    static BitSet rowsOf(FeatureSnapshot snapshot, Collection<Long> customerIds) {
        BitSet rows = new BitSet(snapshot.size());
        for (long id : customerIds) {
            int row = snapshot.rowOf(id);
            if (row >= 0) {
                rows.set(row);
            }
        }
        return rows;
    }
}
