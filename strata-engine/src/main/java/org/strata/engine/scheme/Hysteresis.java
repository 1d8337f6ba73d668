package org.strata.engine.scheme;

/**
 * Keeps a customer hovering at a boundary from flipping tiers every night. A move to a lower tier (one listed later
 * in the scheme) happens only after {@code downgradeAfterRuns} consecutive runs agree on it, and not before the
 * customer has spent {@code minDaysInTier} days in the current tier. Upgrades are never delayed: good news is applied
 * at once.
 *
 * @param downgradeAfterRuns 1 = downgrade at the first run that says so
 * @param minDaysInTier      0 = no minimum
 */
public record Hysteresis(int downgradeAfterRuns, int minDaysInTier) {

    public static final Hysteresis NONE = new Hysteresis(1, 0);

    public Hysteresis {
        if (downgradeAfterRuns < 1) {
            throw new IllegalArgumentException("downgrade_after_runs must be at least 1, was " + downgradeAfterRuns);
        }
        if (minDaysInTier < 0) {
            throw new IllegalArgumentException("min_days_in_tier must not be negative, was " + minDaysInTier);
        }
    }

    public boolean isNone() {
        return downgradeAfterRuns == 1 && minDaysInTier == 0;
    }
}
