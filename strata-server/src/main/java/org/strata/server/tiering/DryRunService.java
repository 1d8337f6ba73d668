package org.strata.server.tiering;

import org.strata.engine.rule.RuleError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Optional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.strata.engine.rule.Diagnostic;
import org.strata.engine.rule.Rule;
import org.strata.engine.rule.RuleCheck;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.eval.CompiledRule;
import org.strata.engine.scheme.CompiledScheme;
import org.strata.engine.scheme.ConditionCompiler;
import org.strata.engine.scheme.FeatureValues;
import org.strata.engine.scheme.Placement;
import org.strata.engine.scheme.RuleText;
import org.strata.engine.scheme.SchemeException;
import org.strata.engine.scheme.SchemeProblem;
import org.strata.engine.scheme.TieringScheme;
import org.strata.engine.table.FeatureTable;

/**
 * Previews before publishing: how many customers a rule matches (with a sample), and where a draft scheme would put
 * everyone compared with where they are now. Reads the cached features, so it answers while a user types, and
 * writes nothing.
 */
@Service
class DryRunService {

    static final int MAX_SAMPLE = 100;

    private final FeatureSnapshots features;
    private final MembershipStore memberships;
    private final PinStore pins;
    private final TieringTime time;
    private final VisibleRows visibleRows;

    DryRunService(FeatureSnapshots features, MembershipStore memberships, PinStore pins, TieringTime time,
                  VisibleRows visibleRows) {
        this.visibleRows = visibleRows;
        this.features = features;
        this.memberships = memberships;
        this.pins = pins;
        this.time = time;
    }

    /** One matching customer: id and the values of the features the rule reads. */
    public record SampleCustomer(long customerId, Map<String, Object> values) {
    }

    /** {@code valid} false: {@code diagnostics} say what is wrong and where (line:column). */
    public record RulePreview(boolean valid, LocalDate asOf, long matching, long total,
                              List<SampleCustomer> sample, List<Diagnostic> diagnostics) {
    }

    /** {@code from} null: customers the scheme has not placed yet. */
    public record MatrixCell(String from, String to, long customers) {
    }

    /**
     * Where a run of the draft would leave customers, exactly as a run now would: pins override the rules and
     * hysteresis holds downgrades (the draft's own settings against the stored pending runs and time in tier).
     *
     * @param heldByHysteresis customers whose downgrade the run would hold (they stay in their tier)
     * @param heldByPins       customers whom an active pin keeps away from the tier their rules give
     */
    public record SchemePreview(boolean valid, LocalDate asOf, long total, Map<String, Long> counts, long moving,
                                List<MatrixCell> matrix, long heldByHysteresis, long heldByPins,
                                List<SchemeProblem> problems) {
    }

    RulePreview rule(String source, LocalDate asOf, int sampleSize) {
        LocalDate day = asOf == null ? time.today() : asOf;
        FeatureSnapshot snapshot = features.all(day);
        RuleCheck check = RuleChecker.check(source, snapshot.catalog());
        if (!check.isValid()) {
            return new RulePreview(false, day, 0, 0, List.of(), check.diagnostics());
        }
        Rule rule = check.orThrow();
        FeatureTable table = snapshot.table();
        List<Diagnostic> missing = new ArrayList<>();
        for (String name : rule.featureNames()) {
            if (!table.has(name)) {
                int[] at = RuleText.position(source, name);
                missing.add(new Diagnostic(at[0], at[1], 0, name.length(), RuleError.FEATURE_NOT_COMPUTED.with(name),
                        null));
            }
        }
        if (!missing.isEmpty()) {
            return new RulePreview(false, day, 0, 0, List.of(), missing);
        }
        CompiledRule compiled = CompiledRule.compile(rule);
        Optional<BitSet> visible = visibleRows.of(snapshot);
        int limit = Math.max(0, Math.min(sampleSize, MAX_SAMPLE));
        int count;
        int[] sampleRows;
        if (visible.isEmpty()) {
            count = compiled.count(table, day);
            sampleRows = compiled.sample(table, day, limit);
        } else {
            BitSet matches = compiled.matches(table, day);
            matches.and(visible.get());
            count = matches.cardinality();
            sampleRows = matches.stream().limit(limit).toArray();
        }
        List<SampleCustomer> sample = new ArrayList<>();
        for (int row : sampleRows) {
            sample.add(new SampleCustomer(snapshot.customerIds()[row],
                    FeatureValues.of(table, row, rule.featureNames())));
        }
        int total = visible.map(BitSet::cardinality).orElse(snapshot.size());
        return new RulePreview(true, day, count, total, sample, List.of());
    }

    /**
     * Where a run of {@code scheme} now would put every customer, counted against the stored memberships of
     * {@code schemeId} (null: none stored yet). The run's own planner decides, so pins and hysteresis act as they
     * would in that run; nothing is written.
     */
    SchemePreview scheme(TieringScheme scheme, Long schemeId, LocalDate asOf) {
        LocalDate day = asOf == null ? time.today() : asOf;
        FeatureSnapshot snapshot = features.all(day);
        Placement placement;
        try {
            placement = CompiledScheme.compile(scheme, ConditionCompiler.ruleLanguage(snapshot.catalog()))
                    .evaluate(snapshot.table(), day);
        } catch (SchemeException e) {
            return new SchemePreview(false, day, 0, Map.of(), 0, List.of(), 0, 0, e.problems());
        }
        CurrentMemberships current = schemeId == null ? new CurrentMemberships(snapshot.size())
                : memberships.load(schemeId, snapshot, null);
        Map<Long, ActivePin> active = schemeId == null ? Map.of() : pins.active(schemeId, null);
        // A caller with a narrower data scope plans, counts and sees only the customers in it.
        Optional<BitSet> visible = visibleRows.of(snapshot);
        BitSet rows = visible.orElseGet(() -> RunPlanner.allRows(snapshot.size()));
        RunPlan plan = RunPlanner.plan(placement, snapshot.customerIds(), rows, current, active, time.now(), false);
        Map<Long, String> movedTo = new HashMap<>();
        plan.moves.forEach(m -> movedTo.put(m.customerId(), m.to()));
        Map<String, Long> counts = new LinkedHashMap<>();
        scheme.allTiers().forEach(t -> counts.put(t.key(), 0L));
        Map<String, Map<String, Long>> matrix = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
            String from = current.tier[row];
            // the planner moves every customer who is new to the scheme, so "to" is never null
            String to = movedTo.getOrDefault(snapshot.customerIds()[row], from);
            counts.merge(to, 1L, Long::sum);
            matrix.computeIfAbsent(from, f -> new LinkedHashMap<>()).merge(to, 1L, Long::sum);
        }
        long moving = plan.moves.size();
        // customers no longer tiered (merged or removed) leave the scheme: "to" is null. They belong to nobody's
        // scope but the whole company's, so only a caller who sees everyone sees them leave.
        if (visible.isEmpty()) {
            for (RunPlan.Removal removal : plan.removals) {
                matrix.computeIfAbsent(removal.from(), f -> new LinkedHashMap<>()).merge(null, 1L, Long::sum);
            }
            moving += plan.removals.size();
        }
        List<MatrixCell> cells = new ArrayList<>();
        matrix.forEach((from, row) -> row.forEach((to, n) -> cells.add(new MatrixCell(from, to, n))));
        return new SchemePreview(true, day, rows.cardinality(), counts, moving, cells,
                plan.heldByHysteresis, plan.heldByPins, List.of());
    }
}
