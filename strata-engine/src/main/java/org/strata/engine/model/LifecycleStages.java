package org.strata.engine.model;

import java.util.List;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

/**
 * Lifecycle stage of every customer, from the features {@code recency_days}, {@code frequency}, {@code tenure} of the
 * first purchase ({@code first_order_date}), {@code avg_interval_days}, {@code purchase_days} and
 * {@code last_gap_days}. The first rule that applies wins:
 * <ol>
 *   <li><b>prospect</b> (潜在客户): no purchase.</li>
 *   <li><b>churned</b> (已流失): recency_days &gt; the churn threshold.</li>
 *   <li><b>dormant</b> (沉睡): recency_days &gt; the dormant threshold.</li>
 *   <li><b>reactivated</b> (已召回): the gap before the last purchase was longer than the churn threshold (the customer
 *       had churned and came back) and that purchase is at most {@code newDays} old.</li>
 *   <li><b>new</b> (新客户): the first purchase is at most {@code newDays} days before the as-of date.</li>
 *   <li><b>mature</b> (成熟): first purchase at least {@code matureDays} ago and at least
 *       {@code matureMinPurchases} purchases.</li>
 *   <li><b>active</b> (活跃/成长): every other customer who bought recently enough.</li>
 * </ol>
 * Thresholds: with {@link Thresholds#ABSOLUTE} the dormant and churn thresholds are {@code dormantDays} and
 * {@code churnDays} for everyone. With {@link Thresholds#RELATIVE} (the default) a customer with at least two purchase
 * days is measured against their own rhythm: dormant after {@code dormantFactor} × their average interval, churned
 * after {@code churnFactor} × it, never less than {@code minRelativeDays} (a daily buyer who skips a week is not
 * dormant); customers with a single purchase day use the absolute thresholds. For "reactivated" the rhythm is the
 * average interval before the gap (needs three purchase days; otherwise {@code churnDays}).
 */
public final class LifecycleStages implements SegmentModel {

    public enum Thresholds {
        ABSOLUTE, RELATIVE
    }

    /** The settings, with {@link #defaults()} documented there. */
    public record Config(Thresholds thresholds, int newDays, int matureDays, int matureMinPurchases, int dormantDays,
                         int churnDays, double dormantFactor, double churnFactor, int minRelativeDays) {

        public Config {
            if (dormantDays >= churnDays || dormantFactor >= churnFactor) {
                throw new IllegalArgumentException("dormant must come before churned: dormantDays " + dormantDays
                        + " < churnDays " + churnDays + " and dormantFactor " + dormantFactor + " < churnFactor "
                        + churnFactor + " are required");
            }
        }

        /**
         * Relative thresholds; new within 90 days; mature after 365 days and 3 purchases; dormant after 180 days (or
         * 2 × the average interval), churned after 365 days (or 4 × it); relative thresholds at least 30 days.
         */
        public static Config defaults() {
            return new Config(Thresholds.RELATIVE, 90, 365, 3, 180, 365, 2.0, 4.0, 30);
        }
    }

    public static final Segment PROSPECT = new Segment("prospect", "潜在客户", "Prospect");
    public static final Segment NEW = new Segment("new", "新客户", "New");
    public static final Segment ACTIVE = new Segment("active", "活跃客户", "Active / growing");
    public static final Segment MATURE = new Segment("mature", "成熟客户", "Mature");
    public static final Segment DORMANT = new Segment("dormant", "沉睡客户", "Dormant");
    public static final Segment CHURNED = new Segment("churned", "流失客户", "Churned");
    public static final Segment REACTIVATED = new Segment("reactivated", "召回客户", "Reactivated");

    private final Config config;

    public LifecycleStages(Config config) {
        this.config = config;
    }

    public static LifecycleStages standard() {
        return new LifecycleStages(Config.defaults());
    }

    @Override
    public String column() {
        return "lifecycle_stage";
    }

    @Override
    public List<Segment> segments() {
        return List.of(PROSPECT, NEW, ACTIVE, MATURE, DORMANT, CHURNED, REACTIVATED);
    }

    @Override
    public TextColumn classify(FeatureTable table) {
        String model = "Lifecycle stages";
        NumberColumn recency = ModelInputs.number(table, "recency_days", model);
        NumberColumn frequency = ModelInputs.number(table, "frequency", model);
        NumberColumn interval = ModelInputs.number(table, "avg_interval_days", model);
        NumberColumn purchaseDays = ModelInputs.number(table, "purchase_days", model);
        NumberColumn lastGap = ModelInputs.number(table, "last_gap_days", model);
        DateColumn first = date(table, "first_order_date");
        DateColumn last = date(table, "last_order_date");
        String[] keys = new String[table.size()];
        for (int i = 0; i < keys.length; i++) {
            if (recency.isNull(i)) {
                keys[i] = PROSPECT.key();
                continue;
            }
            double r = recency.values()[i];
            double average = interval.isNull(i) ? Double.NaN : interval.values()[i];
            double sinceFirst = r + (last.epochDays()[i] - first.epochDays()[i]);
            Segment stage;
            if (r > threshold(config.churnDays(), config.churnFactor(), average)) {
                stage = CHURNED;
            } else if (r > threshold(config.dormantDays(), config.dormantFactor(), average)) {
                stage = DORMANT;
            } else if (!lastGap.isNull(i) && r <= config.newDays()
                    && lastGap.values()[i] > reactivationGap(lastGap.values()[i], purchaseDays.values()[i],
                    last.epochDays()[i] - first.epochDays()[i])) {
                stage = REACTIVATED;
            } else if (sinceFirst <= config.newDays()) {
                stage = NEW;
            } else if (sinceFirst >= config.matureDays() && frequency.values()[i] >= config.matureMinPurchases()) {
                stage = MATURE;
            } else {
                stage = ACTIVE;
            }
            keys[i] = stage.key();
        }
        return new TextColumn(keys);
    }

    private double threshold(int absoluteDays, double factor, double averageInterval) {
        if (config.thresholds() == Thresholds.ABSOLUTE || Double.isNaN(averageInterval)) {
            return absoluteDays;
        }
        return Math.max(config.minRelativeDays(), factor * averageInterval);
    }

    /** The churn threshold that applied before the last purchase, from the rhythm before the gap. */
    private double reactivationGap(double gap, double purchaseDays, int firstToLast) {
        double averageBefore = purchaseDays >= 3 ? (firstToLast - gap) / (purchaseDays - 2) : Double.NaN;
        return threshold(config.churnDays(), config.churnFactor(), averageBefore);
    }

    private static DateColumn date(FeatureTable table, String name) {
        Column column = table.column(name);
        if (column instanceof DateColumn date) {
            return date;
        }
        throw new IllegalArgumentException("Lifecycle stages need " + name + " to be a date");
    }
}
