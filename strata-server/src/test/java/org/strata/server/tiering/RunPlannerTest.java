package org.strata.server.tiering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.scheme.CompiledScheme;
import org.strata.engine.scheme.ConditionCompiler;
import org.strata.engine.scheme.Hysteresis;
import org.strata.engine.scheme.Placement;
import org.strata.engine.scheme.Tier;
import org.strata.engine.scheme.TieringScheme;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions of a run without a database: hysteresis, pins and the difference against stored memberships. */
class RunPlannerTest {

    static final Instant NOW = Instant.parse("2026-07-01T02:00:00Z");
    static final long[] IDS = {1, 2};

    static Placement place(Hysteresis hysteresis, double... spend) {
        TieringScheme scheme = new TieringScheme("s", "s", "s", "", List.of(
                new Tier("gold", "金", "Gold", "", "spend >= 100", ""),
                new Tier("silver", "银", "Silver", "", "spend >= 10", "")),
                Tier.fallback("bronze", "铜", "Bronze", "", ""), null, null, hysteresis);
        FeatureTable table = new FeatureTable(new String[] {"1", "2"}, Map.<String, Column>of("spend",
                NumberColumn.of(spend)));
        return CompiledScheme.compile(scheme, ConditionCompiler.ruleLanguage(FeatureCatalog.of(
                new FeatureDefinition("spend", FeatureType.NUMBER, "CNY", "消费", "Spend", "spend"))))
                .evaluate(table, LocalDate.of(2026, 7, 1));
    }

    static CurrentMemberships stored(String tier1, int pendingRuns1, Duration inTier) {
        CurrentMemberships current = new CurrentMemberships(2);
        current.put(0, tier1, NOW.minus(inTier).toEpochMilli(), pendingRuns1 > 0 ? "bronze" : null, pendingRuns1);
        current.put(1, "silver", NOW.minus(inTier).toEpochMilli(), null, 0);
        return current;
    }

    static RunPlan plan(Placement placement, CurrentMemberships current, Map<Long, ActivePin> pins) {
        return RunPlanner.plan(placement, IDS, RunPlanner.allRows(2), current, pins, NOW);
    }

    @Test
    void aDowngradeWaitsForTheMinimumTimeInTierEvenWhenRunsAgree() {
        Placement placement = place(new Hysteresis(1, 30), 5, 50);

        RunPlan young = plan(placement, stored("gold", 0, Duration.ofDays(29)), Map.of());
        RunPlan old = plan(placement, stored("gold", 0, Duration.ofDays(30)), Map.of());

        assertThat(young.moves).isEmpty();
        assertThat(young.pending).containsExactly(new RunPlan.Pending(1, "bronze", 1));
        assertThat(old.moves).extracting(RunPlan.Move::to).containsExactly("bronze");
    }

    @Test
    void aPendingDowngradeNoLongerAskedForIsForgotten() {
        RunPlan plan = plan(place(new Hysteresis(3, 0), 500, 50), stored("gold", 2, Duration.ofDays(100)),
                Map.of());

        assertThat(plan.moves).isEmpty();
        assertThat(plan.pending).containsExactly(new RunPlan.Pending(1, null, 0));
    }

    @Test
    void upgradesAreNeverHeld() {
        RunPlan plan = plan(place(new Hysteresis(5, 365), 5, 500), stored("bronze", 0, Duration.ZERO), Map.of());

        assertThat(plan.moves).containsExactly(new RunPlan.Move(2, "silver", "gold",
                Map.of("spend", 500L)));
        assertThat(plan.heldByHysteresis).isZero();
    }

    @Test
    void aPinOverridesTheRulesAndItsExpiryIsNoticed() {
        ActivePin active = new ActivePin(7, 1, "gold", "VIP", "li", NOW.plusSeconds(60));
        ActivePin expired = new ActivePin(8, 2, "gold", "VIP", "li", NOW);

        RunPlan plan = plan(place(Hysteresis.NONE, 5, 50), stored("gold", 0, Duration.ZERO),
                Map.of(1L, active, 2L, expired));

        assertThat(plan.heldByPins).isEqualTo(1);
        assertThat(plan.moves).isEmpty();
        assertThat(plan.expiredPins).containsExactly(expired);
    }

    @Test
    void customersNoLongerTieredLeave() {
        CurrentMemberships current = stored("gold", 0, Duration.ZERO);
        current.orphans.add(new CurrentMemberships.Orphan(99, "silver"));

        RunPlan plan = plan(place(Hysteresis.NONE, 500, 50), current, Map.of());

        assertThat(plan.removals).containsExactly(new RunPlan.Removal(99, "silver"));
        assertThat(plan.moves).isEmpty();
    }
}
