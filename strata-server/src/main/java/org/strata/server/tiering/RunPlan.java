package org.strata.server.tiering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a run will write: only changes. Built by {@link RunPlanner}, written by {@link MembershipStore}. */
final class RunPlan {

    /** A customer entering {@code to}; {@code from} is the tier left, null for a customer new to the scheme. */
    record Move(long customerId, String from, String to, Map<String, Object> why) {
    }

    /** Hysteresis state of a held downgrade; {@code tier} null clears it. */
    record Pending(long customerId, String tier, int runs) {
    }

    record Removal(long customerId, String from) {
    }

    record TagChange(long customerId, String tag, boolean added, Map<String, Object> why) {
    }

    final List<Move> moves = new ArrayList<>();
    final List<Pending> pending = new ArrayList<>();
    final List<Removal> removals = new ArrayList<>();
    final List<TagChange> tagChanges = new ArrayList<>();
    final List<ActivePin> expiredPins = new ArrayList<>();
    int evaluated;
    int heldByHysteresis;
    int heldByPins;

    int moved() {
        return (int) moves.stream().filter(m -> m.from() != null).count();
    }

    int entered() {
        return (int) moves.stream().filter(m -> m.from() == null).count();
    }

    boolean isEmpty() {
        return moves.isEmpty() && pending.isEmpty() && removals.isEmpty() && tagChanges.isEmpty()
                && expiredPins.isEmpty();
    }
}
