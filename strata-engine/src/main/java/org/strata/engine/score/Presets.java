package org.strata.engine.score;

import org.strata.engine.i18n.LocalizedArgumentException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strata.engine.model.AbcClasses;
import org.strata.engine.model.CustomerPyramid;
import org.strata.engine.model.LifecycleStages;
import org.strata.engine.model.RfmEightClasses;
import org.strata.engine.model.Segment;
import org.strata.engine.model.SegmentMap;
import org.strata.engine.model.SegmentModel;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.TextColumn;

/** The ready-made schemes: the tier is the segment of one model with its default settings. */
public enum Presets {
    RFM11("rfm11", "RFM 11 segments (tier = rfm_segment)"),
    RFM8("rfm8", "RFM 8 classes against the mean (重要价值 ... 一般挽留)"),
    ABC("abc", "ABC by revenue, 80/15/5"),
    PYRAMID("pyramid", "Customer pyramid by net spend, top 1% / next 4% / next 15% / rest"),
    LIFECYCLE("lifecycle", "Lifecycle stage, thresholds relative to each customer's purchase rhythm");

    private final String key;
    private final String description;

    Presets(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /**
     * The preset named {@code key}.
     *
     * @throws IllegalArgumentException naming the presets when none has that name
     */
    public static Presets named(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new LocalizedArgumentException(ScoreError.UNKNOWN_PRESET.with(key, keys())));
    }

    /** The preset keys, as the help and the errors list them. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Presets::key).toList();
    }

    public TierScheme scheme() {
        SegmentModel model = switch (this) {
            case RFM11 -> SegmentMap.rfm11();
            case RFM8 -> RfmEightClasses.byMean();
            case ABC -> AbcClasses.byRevenue();
            case PYRAMID -> CustomerPyramid.standard();
            case LIFECYCLE -> LifecycleStages.standard();
        };
        return new ModelScheme(key, model);
    }

    /** A scheme whose tier is a model's segment column. */
    private record ModelScheme(String key, SegmentModel model) implements TierScheme {

        @Override
        public List<Segment> tiers() {
            return model.segments();
        }

        @Override
        public FeatureTable addedColumns(FeatureTable table) {
            return table.has(model.column()) ? table : model.addTo(table);
        }

        @Override
        public TextColumn assign(FeatureTable table) {
            return (TextColumn) addedColumns(table).column(model.column());
        }
    }
}
