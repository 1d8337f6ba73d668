package org.strata.engine.scheme;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.strata.engine.model.AbcClasses;
import org.strata.engine.model.CustomerPyramid;
import org.strata.engine.model.LifecycleStages;
import org.strata.engine.model.RfmEightClasses;
import org.strata.engine.model.RfmScoring;
import org.strata.engine.model.SegmentMap;
import org.strata.engine.model.SegmentModel;
import org.strata.engine.table.FeatureTable;

/**
 * Adds the standard model outputs (RFM scores, RFM 11 segment, RFM 8 class, ABC class, pyramid level, lifecycle
 * stage) to a feature table, with each model's default settings, so schemes can use them in rules such as
 * {@code rfm_segment = 'champions'}. The models rank customers against each other: apply them to all customers.
 */
public final class ModelColumns {

    private final RfmScoring scoring;
    private final List<SegmentModel> models;

    public ModelColumns() {
        this(RfmScoring.quantiles(5), List.of(SegmentMap.rfm11(), RfmEightClasses.byMean(), AbcClasses.byRevenue(),
                CustomerPyramid.standard(), LifecycleStages.standard()));
    }

    public ModelColumns(RfmScoring scoring, List<SegmentModel> models) {
        this.scoring = scoring;
        this.models = List.copyOf(models);
    }

    public FeatureTable addTo(FeatureTable table) {
        FeatureTable scored = scoring.addTo(table);
        for (SegmentModel model : models) {
            scored = model.addTo(scored);
        }
        return scored;
    }

    /** The names of the columns {@link #addTo} adds. */
    public Set<String> columns() {
        Set<String> names = new LinkedHashSet<>(List.of("r_score", "f_score", "m_score"));
        models.forEach(m -> names.add(m.column()));
        return names;
    }
}
