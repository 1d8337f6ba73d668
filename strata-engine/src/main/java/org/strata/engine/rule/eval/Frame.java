package org.strata.engine.rule.eval;

import org.strata.engine.table.FeatureTable;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * One evaluation: the table, its row count in 64-bit words, and the as-of date {@code today()} stands for. Bits past
 * the last row are always zero in every vector, which {@link #lastWordMask} enforces.
 */
record Frame(FeatureTable table, int rows, int asOfDay) {

    /** A one-row frame without columns, used to evaluate a subexpression that reads no feature once. */
    static Frame scalar(int asOfDay) {
        return new Frame(new FeatureTable(new String[] {""}, Map.of()), 1, asOfDay);
    }

    int words() {
        return (rows + 63) >>> 6;
    }

    long lastWordMask() {
        int tail = rows & 63;
        return tail == 0 ? -1L : (1L << tail) - 1;
    }

    /** All rows set. */
    long[] allRows() {
        long[] words = new long[words()];
        Arrays.fill(words, -1L);
        if (words.length > 0) {
            words[words.length - 1] = lastWordMask();
        }
        return words;
    }

    /** A null mask as {@code words()} longs (BitSet.toLongArray stops at the last set bit). */
    long[] words(BitSet bits) {
        return Arrays.copyOf(bits.toLongArray(), words());
    }
}
