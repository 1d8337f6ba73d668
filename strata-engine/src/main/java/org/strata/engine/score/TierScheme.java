package org.strata.engine.score;

import java.util.List;
import org.strata.engine.model.Segment;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.TextColumn;

/**
 * What decides a customer's tier in a scoring run. The presets ({@link Presets}) take the tier from a model;
 * rule-based schemes (ordered tiers, first matching rule wins) are the other kind and plug in here.
 */
public interface TierScheme {

    /** Short name, e.g. {@code rfm11}. */
    String key();

    /** Every tier it can assign, in display order. */
    List<Segment> tiers();

    /**
     * The tier key of every customer. The table holds the computed features, the RFM scores and the
     * {@code rfm_segment}; a scheme may add the columns it derives from them (returned by {@link #addedColumns}).
     */
    TextColumn assign(FeatureTable table);

    /** {@code table} with the model columns this scheme derives (e.g. {@code rfm8_class}); none by default. */
    default FeatureTable addedColumns(FeatureTable table) {
        return table;
    }
}
