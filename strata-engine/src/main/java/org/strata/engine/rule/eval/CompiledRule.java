package org.strata.engine.rule.eval;

import org.strata.engine.rule.Rule;
import org.strata.engine.table.FeatureTable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A rule compiled once for column-at-a-time evaluation; evaluate it on any number of tables. Thread-safe: every
 * evaluation allocates its own vectors. A rule matches the rows where it is TRUE; rows where it is unknown (a null
 * took part) do not match, exactly as in a SQL WHERE clause.
 */
public final class CompiledRule {

    private final Rule rule;
    private final Nodes.BoolNode root;

    private CompiledRule(Rule rule, Nodes.BoolNode root) {
        this.rule = rule;
        this.root = root;
    }

    public static CompiledRule compile(Rule rule) {
        return new CompiledRule(rule, new VectorCompiler(rule).bool(rule.expr()));
    }

    public Rule rule() {
        return rule;
    }

    /** The rows where the rule is true; {@code asOf} is what {@code today()} means. */
    public BitSet matches(FeatureTable table, LocalDate asOf) {
        return BitSet.valueOf(trues(table, asOf));
    }

    /** How many rows match, without building the set of them. */
    public int count(FeatureTable table, LocalDate asOf) {
        int count = 0;
        for (long word : trues(table, asOf)) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The first {@code limit} matching row indexes, ascending: a preview sample that is stable between calls. */
    public int[] sample(FeatureTable table, LocalDate asOf, int limit) {
        long[] trues = trues(table, asOf);
        int[] rows = new int[limit];
        int found = 0;
        for (int w = 0; w < trues.length && found < limit; w++) {
            long word = trues[w];
            while (word != 0 && found < limit) {
                rows[found++] = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        return Arrays.copyOf(rows, found);
    }

    private long[] trues(FeatureTable table, LocalDate asOf) {
        return root.eval(new Frame(table, table.size(), Math.toIntExact(asOf.toEpochDay()))).trues();
    }
}
