package org.strata.engine.scheme;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.table.FeatureTable;

/**
 * Where a scheme put every customer of one feature table: a tier per row, the rule tags per row, and why.
 */
public final class Placement {

    private final CompiledScheme compiled;
    private final FeatureTable table;
    private final int[] tierOf;
    private final Map<String, BitSet> tagRows;

    Placement(CompiledScheme compiled, FeatureTable table, int[] tierOf, Map<String, BitSet> tagRows) {
        this.compiled = compiled;
        this.table = table;
        this.tierOf = tierOf;
        this.tagRows = Collections.unmodifiableMap(tagRows);
    }

    public TieringScheme scheme() {
        return compiled.scheme();
    }

    public FeatureTable table() {
        return table;
    }

    public int size() {
        return tierOf.length;
    }

    public String customerId(int row) {
        return table.customerIds()[row];
    }

    /** Position of the row's tier in {@link TieringScheme#allTiers()} (the default tier is last). */
    public int tierIndex(int row) {
        return tierOf[row];
    }

    public String tierKey(int row) {
        return scheme().allTiers().get(tierOf[row]).key();
    }

    /** How many customers each tier holds, in tier order (default tier last). */
    public Map<String, Integer> counts() {
        List<Tier> tiers = scheme().allTiers();
        int[] counts = new int[tiers.size()];
        for (int t : tierOf) {
            counts[t]++;
        }
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            byKey.put(tiers.get(i).key(), counts[i]);
        }
        return byKey;
    }

    /** Rule tags (manual tags are not computed) -> rows that carry them, after exclusive groups were applied. */
    public Map<String, BitSet> tagRows() {
        return tagRows;
    }

    public List<String> tags(int row) {
        if (tagRows.isEmpty()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        tagRows.forEach((tag, rows) -> {
            if (rows.get(row)) {
                tags.add(tag);
            }
        });
        return tags;
    }

    /**
     * The values of the features that decided the row's tier: those its tier's rule reads, or for the default tier
     * those every rule reads (they all failed). Kept in the ledger, so "why is she in VIP" is answered with the
     * numbers of that day.
     */
    public Map<String, Object> why(int row) {
        return FeatureValues.of(table, row, compiled.decidingFeatures(tierOf[row]));
    }

    /** The values of the features a rule tag's rule reads, for the ledger entry that adds the tag. */
    public Map<String, Object> tagWhy(int row, String tag) {
        return FeatureValues.of(table, row, compiled.tagFeatures(tag));
    }
}
