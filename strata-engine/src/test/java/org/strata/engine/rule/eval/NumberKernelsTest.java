package org.strata.engine.rule.eval;

import org.junit.jupiter.api.Test;
import org.strata.engine.rule.ComparisonOperator;
import org.strata.engine.table.FeatureTable;

import java.util.BitSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NumberKernelsTest {

    private static final double[] VALUES = {-0.0, 0.0, 1, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, 5e-324, -5e-324, 0.1 + 0.2, 0.3};
    private static final int NULL_ROW = 6; // the NaN sits under a null, as a feature table may leave it
    private static final Frame FRAME = new Frame(new FeatureTable(new String[VALUES.length], Map.of()),
            VALUES.length, 0);

    private static BitSet rows(ComparisonOperator operator, double constant) {
        long[] nulls = new long[FRAME.words()];
        nulls[0] = 1L << NULL_ROW;
        Truth truth = NumberKernels.compare(new Numbers(VALUES, nulls), constant, operator, FRAME);
        BitSet unknown = BitSet.valueOf(truth.unknowns(FRAME));
        assertThat(unknown.stream().toArray()).containsExactly(NULL_ROW);
        return BitSet.valueOf(truth.trues());
    }

    private static BitSet expected(ComparisonOperator operator, double constant) {
        BitSet expected = new BitSet();
        for (int i = 0; i < VALUES.length; i++) {
            double v = VALUES[i];
            int sign = v < constant ? -1 : v > constant ? 1 : 0;
            if (i != NULL_ROW && operator.test(sign)) {
                expected.set(i);
            }
        }
        return expected;
    }

    @Test
    void branchFreeComparisonsAgreeWithJavaOperatorsOnSignedZeroesTinyAndInfiniteValues() {
        for (ComparisonOperator operator : ComparisonOperator.values()) {
            for (double constant : new double[] {0.0, -0.0, 1, -1, 5e-324, -5e-324, 0.3, 0.1 + 0.2,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE}) {
                assertThat(rows(operator, constant)).as(operator + " " + constant)
                        .isEqualTo(expected(operator, constant));
            }
        }
    }

    @Test
    void negativeZeroEqualsZeroAsInSql() {
        assertThat(rows(ComparisonOperator.EQUAL, 0.0).stream().toArray()).containsExactly(0, 1);
        assertThat(rows(ComparisonOperator.LESS, 0.0).stream().toArray()).containsExactly(3, 5, 8);
    }
}
