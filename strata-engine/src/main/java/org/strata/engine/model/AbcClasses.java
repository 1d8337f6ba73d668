package org.strata.engine.model;

import java.util.List;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

/**
 * ABC (Pareto) classes by cumulative share of a value, revenue ({@code monetary}) by default or {@code margin}.
 *
 * <p>Customers are ranked by value, largest first. A customer is A while the share of the customers ranked before
 * them is below the A share (80% by default), so the customer who crosses 80% is A; B likewise up to A + B shares
 * (95%); the rest C. Customers tied on a value share the class of the first of them. Customers with a value of 0 or
 * less are C; customers without a value (unknown margin) have no class.
 */
public final class AbcClasses implements SegmentModel {

    public static final Segment A = new Segment("a", "A 类客户", "Class A");
    public static final Segment B = new Segment("b", "B 类客户", "Class B");
    public static final Segment C = new Segment("c", "C 类客户", "Class C");

    private final String valueFeature;
    private final double aShare;
    private final double bShare;

    /**
     * @param aShare share of the total value classed A, e.g. 0.80
     * @param bShare share classed B after A, e.g. 0.15 (C takes the rest)
     */
    public AbcClasses(String valueFeature, double aShare, double bShare) {
        if (aShare <= 0 || bShare < 0 || aShare + bShare > 1) {
            throw new IllegalArgumentException("ABC shares must be A > 0, B >= 0 and A + B <= 1, were " + aShare
                    + " and " + bShare);
        }
        this.valueFeature = valueFeature;
        this.aShare = aShare;
        this.bShare = bShare;
    }

    /** By revenue, 80 / 15 / 5. */
    public static AbcClasses byRevenue() {
        return new AbcClasses("monetary", 0.80, 0.15);
    }

    /** By margin, 80 / 15 / 5. */
    public static AbcClasses byMargin() {
        return new AbcClasses("margin", 0.80, 0.15);
    }

    @Override
    public String column() {
        return "abc_class";
    }

    @Override
    public List<Segment> segments() {
        return List.of(A, B, C);
    }

    @Override
    public TextColumn classify(FeatureTable table) {
        NumberColumn value = ModelInputs.number(table, valueFeature, "ABC classes");
        ValueRanking ranking = new ValueRanking(value);
        double total = ranking.total();
        double[] minimums = ranking.classMinimums(3, (position, sumBefore) ->
                sumBefore < aShare * total ? 0 : sumBefore < (aShare + bShare) * total ? 1 : 2);
        Segment[] classes = {A, B, C};
        String[] keys = new String[table.size()];
        for (int i = 0; i < keys.length; i++) {
            if (value.isNull(i)) {
                continue;
            }
            double v = value.values()[i];
            keys[i] = v <= 0 ? C.key() : classes[ValueRanking.classOf(v, minimums)].key();
        }
        return new TextColumn(keys);
    }
}
