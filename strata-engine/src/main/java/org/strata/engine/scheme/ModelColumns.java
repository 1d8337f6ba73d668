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
import org.strata.engine.model.ValueMatrix;
import org.strata.engine.table.FeatureTable;

/**
 * Adds the standard model outputs (RFM scores, RFM 11 segment, RFM 8 class, ABC class, pyramid level, lifecycle
 * stage, value × difficulty quadrant) to a feature table, so schemes can use them in rules such as
 * {@code rfm_segment = 'champions'} or {@code value_matrix = 'star'}. Each model has its default settings except the
 * value matrix, which deployments configure (which features are value and difficulty, and where they split). A model
 * whose {@link SegmentModel#optionalInputs() optional inputs} the table lacks adds no column. The models rank
 * customers against each other: apply them to all customers.
 */
public final class ModelColumns {

    private static final List<String> SCORE_COLUMNS = List.of("r_score", "f_score", "m_score");

    private final RfmScoring scoring;
    private final List<SegmentModel> models;

    public ModelColumns() {
        this(ValueMatrix.standard());
    }

    /** The standard models, with this value matrix. */
    public ModelColumns(ValueMatrix valueMatrix) {
        this(RfmScoring.quantiles(5), List.of(SegmentMap.rfm11(), RfmEightClasses.byMean(), AbcClasses.byRevenue(),
                CustomerPyramid.standard(), LifecycleStages.standard(), valueMatrix));
    }

    public ModelColumns(RfmScoring scoring, List<SegmentModel> models) {
        this.scoring = scoring;
        this.models = List.copyOf(models);
    }

    public FeatureTable addTo(FeatureTable table) {
        FeatureTable scored = scoring.addTo(table);
        for (SegmentModel model : models) {
            if (hasInputs(scored, model)) {
                scored = model.addTo(scored);
            }
        }
        return scored;
    }

    /** Whether {@code table} already has every column {@link #addTo} would add to it. */
    public boolean isComplete(FeatureTable table) {
        return SCORE_COLUMNS.stream().allMatch(table::has)
                && models.stream().allMatch(m -> table.has(m.column()) || !hasInputs(table, m));
    }

    private static boolean hasInputs(FeatureTable table, SegmentModel model) {
        return model.optionalInputs().stream().allMatch(table::has);
    }

    /** The names of the columns {@link #addTo} adds (when the table has the models' inputs). */
    public Set<String> columns() {
        Set<String> names = new LinkedHashSet<>(SCORE_COLUMNS);
        models.forEach(m -> names.add(m.column()));
        return names;
    }
}
