package org.strata.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

/**
 * The customer pyramid: customers with a positive value ranked largest first and cut by rank into levels, by default
 * the top 1% (top), the next 4% (large), the next 15% (medium) and the rest (small). A customer at position p (0 =
 * best) of n is in the first level whose cumulative share s satisfies p < s × n; customers tied on a value share the
 * level of the first of them. Customers whose value is 0, negative or unknown are "inactive".
 */
public final class CustomerPyramid implements SegmentModel {

    /** A level and the share of ranked customers it holds. */
    public record Level(Segment segment, double share) {
    }

    public static final Segment TOP = new Segment("top", "顶级客户", "Top");
    public static final Segment LARGE = new Segment("large", "大客户", "Large");
    public static final Segment MEDIUM = new Segment("medium", "中等客户", "Medium");
    public static final Segment SMALL = new Segment("small", "小客户", "Small");
    public static final Segment INACTIVE = new Segment("inactive", "非活跃客户", "Inactive");

    private final String valueFeature;
    private final List<Level> levels;
    private final Segment rest;

    /**
     * @param levels the upper levels, best first, with their shares (summing to at most 1)
     * @param rest   the level of every other ranked customer
     */
    public CustomerPyramid(String valueFeature, List<Level> levels, Segment rest) {
        double sum = levels.stream().mapToDouble(Level::share).sum();
        if (levels.stream().anyMatch(l -> l.share() <= 0) || sum > 1 + 1e-9) {
            throw new IllegalArgumentException("pyramid shares must be positive and sum to at most 1, were "
                    + levels.stream().map(Level::share).toList());
        }
        this.valueFeature = valueFeature;
        this.levels = List.copyOf(levels);
        this.rest = rest;
    }

    /** By net spend: top 1%, next 4%, next 15%, rest. */
    public static CustomerPyramid standard() {
        return new CustomerPyramid("monetary", List.of(new Level(TOP, 0.01), new Level(LARGE, 0.04),
                new Level(MEDIUM, 0.15)), SMALL);
    }

    @Override
    public String column() {
        return "pyramid_level";
    }

    @Override
    public List<Segment> segments() {
        List<Segment> all = new ArrayList<>();
        levels.forEach(l -> all.add(l.segment()));
        all.add(rest);
        all.add(INACTIVE);
        return all;
    }

    @Override
    public TextColumn classify(FeatureTable table) {
        NumberColumn value = ModelInputs.number(table, valueFeature, "The customer pyramid");
        ValueRanking ranking = new ValueRanking(value);
        long n = ranking.count();
        double[] cumulative = new double[levels.size()];
        double sum = 0;
        for (int l = 0; l < levels.size(); l++) {
            sum += levels.get(l).share();
            cumulative[l] = sum;
        }
        double[] minimums = ranking.classMinimums(levels.size() + 1, (position, sumBefore) -> {
            for (int l = 0; l < cumulative.length; l++) {
                if (position < cumulative[l] * n) {
                    return l;
                }
            }
            return cumulative.length;
        });
        String[] keys = new String[table.size()];
        for (int i = 0; i < keys.length; i++) {
            double v = value.values()[i];
            if (value.isNull(i) || v <= 0) {
                keys[i] = INACTIVE.key();
            } else {
                int level = ValueRanking.classOf(v, minimums);
                keys[i] = level < levels.size() ? levels.get(level).segment().key() : rest.key();
            }
        }
        return new TextColumn(keys);
    }
}
