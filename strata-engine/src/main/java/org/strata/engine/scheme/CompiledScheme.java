package org.strata.engine.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.strata.engine.scheme.ConditionCompiler.Compilation;
import org.strata.engine.scheme.ConditionCompiler.Condition;
import org.strata.engine.scheme.ConditionCompiler.RuleProblem;
import org.strata.engine.table.FeatureTable;

/**
 * A scheme whose rules have each been compiled once, ready to evaluate over any number of feature tables (a run,
 * a dry run, a live update of a few customers).
 */
public final class CompiledScheme {

    private final TieringScheme scheme;
    private final List<Condition> tierConditions;
    private final Map<String, Condition> tagConditions;

    private CompiledScheme(TieringScheme scheme, List<Condition> tierConditions,
                           Map<String, Condition> tagConditions) {
        this.scheme = scheme;
        this.tierConditions = tierConditions;
        this.tagConditions = tagConditions;
    }

    /**
     * Compiles every rule of {@code scheme}.
     *
     * @throws SchemeException with every problem of every rule, each naming its tier or tag and line:column
     */
    public static CompiledScheme compile(TieringScheme scheme, ConditionCompiler compiler) {
        List<SchemeProblem> problems = new ArrayList<>();
        List<Condition> tiers = new ArrayList<>();
        for (Tier tier : scheme.tiers()) {
            tiers.add(compileOne(scheme, "tier " + tier.key(), tier.rule(), compiler, problems));
        }
        Map<String, Condition> tags = new LinkedHashMap<>();
        for (TagDefinition tag : scheme.tags()) {
            if (!tag.isManual()) {
                tags.put(tag.key(), compileOne(scheme, "tag " + tag.key(), tag.rule(), compiler, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemeException(problems);
        }
        return new CompiledScheme(scheme, List.copyOf(tiers), tags);
    }

    private static Condition compileOne(TieringScheme scheme, String part, String rule, ConditionCompiler compiler,
                                        List<SchemeProblem> problems) {
        Compilation compilation = compiler.compile(rule);
        for (RuleProblem p : compilation.problems()) {
            problems.add(new SchemeProblem(scheme.key(), part, p.line(), p.column(), p.message(), p.suggestion()));
        }
        return compilation.condition();
    }

    public TieringScheme scheme() {
        return scheme;
    }

    /** Every feature some rule of the scheme reads. */
    public Set<String> features() {
        Set<String> names = new LinkedHashSet<>();
        tierConditions.forEach(c -> names.addAll(c.features()));
        tagConditions.values().forEach(c -> names.addAll(c.features()));
        return names;
    }

    /**
     * Places every row of {@code table}: the first tier whose rule matches, else the default tier; and computes the
     * rule tags, keeping only the first matching tag of each exclusive group.
     *
     * @param asOf  the day the table was computed for (what today() means in rules)
     * @throws SchemeException when a rule cannot be evaluated over this table (e.g. it reads a feature the table
     *                         lacks); no partial placement is ever returned
     */
    public Placement evaluate(FeatureTable table, LocalDate asOf) {
        int n = table.size();
        List<Tier> tiers = scheme.tiers();
        int[] tierOf = new int[n];
        Arrays.fill(tierOf, tiers.size());
        BitSet unplaced = new BitSet(n);
        unplaced.set(0, n);
        for (int t = 0; t < tiers.size() && !unplaced.isEmpty(); t++) {
            BitSet matches = evaluateOne("tier " + tiers.get(t).key(), tiers.get(t).rule(), tierConditions.get(t),
                    table, asOf);
            matches.and(unplaced);
            for (int row = matches.nextSetBit(0); row >= 0; row = matches.nextSetBit(row + 1)) {
                tierOf[row] = t;
            }
            unplaced.andNot(matches);
        }
        Map<String, BitSet> tagRows = new LinkedHashMap<>();
        tagConditions.forEach((key, condition) ->
                tagRows.put(key, evaluateOne("tag " + key, scheme.tags().stream()
                        .filter(tag -> tag.key().equals(key)).findFirst().orElseThrow().rule(), condition, table, asOf)));
        for (TagGroup group : scheme.tagGroups()) {
            BitSet taken = new BitSet(n);
            for (String tag : group.tags()) {
                BitSet rows = tagRows.get(tag);
                if (rows != null) {
                    rows.andNot(taken);
                    taken.or(rows);
                }
            }
        }
        return new Placement(this, table, tierOf, tagRows);
    }

    private BitSet evaluateOne(String part, String rule, Condition condition, FeatureTable table, LocalDate asOf) {
        for (String feature : condition.features()) {
            if (!table.has(feature)) {
                int[] at = RuleText.position(rule, feature);
                throw new SchemeException(List.of(new SchemeProblem(scheme.key(), part, at[0], at[1],
                        SchemeError.FEATURE_NOT_COMPUTED.with(feature), null)));
            }
        }
        try {
            return condition.matches(table, asOf);
        } catch (RuntimeException e) {
            throw new SchemeException(new SchemeProblem(scheme.key(), part, 1, 1,
                    SchemeError.NOT_EVALUATED.with(String.valueOf(e.getMessage())), null), e);
        }
    }

    /** The features that decided a row placed in tier {@code tierIndex} (see {@link Placement#why}). */
    Set<String> decidingFeatures(int tierIndex) {
        if (tierIndex < tierConditions.size()) {
            return tierConditions.get(tierIndex).features();
        }
        // the default tier is decided by every rule having failed, so all of them explain it
        Set<String> all = new LinkedHashSet<>();
        tierConditions.forEach(c -> all.addAll(c.features()));
        return all;
    }

    /** The features a rule tag's rule reads (none for a manual tag). */
    Set<String> tagFeatures(String tag) {
        Condition condition = tagConditions.get(tag);
        return condition == null ? Set.of() : condition.features();
    }
}
