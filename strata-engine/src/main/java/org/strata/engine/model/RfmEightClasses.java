package org.strata.engine.model;

import java.util.List;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

/**
 * The Chinese 8-class RFM scheme (RFM 八类客户). Each of R, F and M is "high" or "low" against a baseline over the
 * customers with a purchase (the mean by default, or the median):
 * R high = recency_days strictly below the baseline (bought recently); F high = frequency strictly above; M high =
 * monetary strictly above. A value equal to the baseline is low.
 *
 * <pre>
 *   class                 R    F    M
 *   important_value       high high high   重要价值客户
 *   important_develop     high low  high   重要发展客户
 *   important_keep        low  high high   重要保持客户
 *   important_retain      low  low  high   重要挽留客户
 *   general_value         high high low    一般价值客户
 *   general_develop       high low  low    一般发展客户
 *   general_keep          low  high low    一般保持客户
 *   general_retain        low  low  low    一般挽留客户
 * </pre>
 * 价值 = recent and frequent, 保持 = frequent but not recent (a widely copied snippet swaps these two), 发展 = recent but
 * infrequent, 挽留 = neither. Customers without a purchase are {@link SegmentMap#NO_PURCHASE}.
 */
public final class RfmEightClasses implements SegmentModel {

    /** What "high" is measured against. */
    public enum Baseline {
        MEAN, MEDIAN
    }

    public static final Segment IMPORTANT_VALUE = new Segment("important_value", "重要价值客户", "Important value");
    public static final Segment IMPORTANT_DEVELOP = new Segment("important_develop", "重要发展客户",
            "Important to develop");
    public static final Segment IMPORTANT_KEEP = new Segment("important_keep", "重要保持客户", "Important to keep");
    public static final Segment IMPORTANT_RETAIN = new Segment("important_retain", "重要挽留客户",
            "Important to win back");
    public static final Segment GENERAL_VALUE = new Segment("general_value", "一般价值客户", "General value");
    public static final Segment GENERAL_DEVELOP = new Segment("general_develop", "一般发展客户", "General to develop");
    public static final Segment GENERAL_KEEP = new Segment("general_keep", "一般保持客户", "General to keep");
    public static final Segment GENERAL_RETAIN = new Segment("general_retain", "一般挽留客户", "General to win back");

    /** Indexed by (M high ? 0 : 4) + (R high ? 0 : 2) + (F high ? 0 : 1). */
    private static final Segment[] BY_FLAGS = {IMPORTANT_VALUE, IMPORTANT_DEVELOP, IMPORTANT_KEEP, IMPORTANT_RETAIN,
            GENERAL_VALUE, GENERAL_DEVELOP, GENERAL_KEEP, GENERAL_RETAIN};

    private final Baseline baseline;

    public RfmEightClasses(Baseline baseline) {
        this.baseline = baseline;
    }

    public static RfmEightClasses byMean() {
        return new RfmEightClasses(Baseline.MEAN);
    }

    /** The class of one customer given whether R, F and M are high. */
    public static Segment classOf(boolean rHigh, boolean fHigh, boolean mHigh) {
        return BY_FLAGS[(mHigh ? 0 : 4) + (rHigh ? 0 : 2) + (fHigh ? 0 : 1)];
    }

    @Override
    public String column() {
        return "rfm8_class";
    }

    @Override
    public List<Segment> segments() {
        return List.of(IMPORTANT_VALUE, IMPORTANT_DEVELOP, IMPORTANT_KEEP, IMPORTANT_RETAIN, GENERAL_VALUE,
                GENERAL_DEVELOP, GENERAL_KEEP, GENERAL_RETAIN, SegmentMap.NO_PURCHASE);
    }

    @Override
    public TextColumn classify(FeatureTable table) {
        NumberColumn recency = ModelInputs.number(table, "recency_days", "RFM 8 classes");
        NumberColumn frequency = ModelInputs.number(table, "frequency", "RFM 8 classes");
        NumberColumn monetary = ModelInputs.number(table, "monetary", "RFM 8 classes");
        NumberColumn buyersFrequency = new NumberColumn(frequency.values(), recency.nulls());
        NumberColumn buyersMonetary = new NumberColumn(monetary.values(), recency.nulls());
        double r = baseline(recency);
        double f = baseline(buyersFrequency);
        double m = baseline(buyersMonetary);
        String[] keys = new String[table.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = recency.isNull(i) ? SegmentMap.NO_PURCHASE.key()
                    : classOf(recency.values()[i] < r, frequency.values()[i] > f, monetary.values()[i] > m).key();
        }
        return new TextColumn(keys);
    }

    private double baseline(NumberColumn column) {
        return baseline == Baseline.MEAN ? ModelInputs.mean(column)
                : ModelInputs.median(ModelInputs.sortedValues(column));
    }
}
