package org.strata.engine.score;

import org.strata.engine.i18n.LocalizedArgumentException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.EventColumns;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.feature.FeatureComputer;
import org.strata.engine.model.RfmScoring;
import org.strata.engine.model.SegmentMap;
import org.strata.engine.model.SegmentModel;
import org.strata.engine.table.Column;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.TextColumn;

/**
 * A whole scoring run without a server: features, RFM scores, the 11-segment map and a tier per customer. The result
 * lists its columns in output order: {@link #LEADING_COLUMNS} first, then every other feature.
 */
public final class BatchScore {

    /** The columns every scoring output starts with (after customer_id). */
    public static final List<String> LEADING_COLUMNS = List.of("recency_days", "frequency", "monetary", "r_score",
            "f_score", "m_score", "rfm_segment", "tier");

    private BatchScore() {
    }

    /** A scored table and the order of its output columns. */
    public record Result(FeatureTable table, List<String> columns) {
    }

    /**
     * Scores {@code customers} as of the start of {@code asOf}. With bins other than 5 the 11-segment map does not
     * apply and {@code rfm_segment} is empty.
     */
    public static Result run(CustomerColumns customers, OrderColumns orders, EventColumns events, LocalDate asOf,
                             ZoneId zone, RfmScoring rfm, TierScheme scheme) {
        SegmentMap segments = SegmentMap.rfm11();
        if (scheme.key().equals(Presets.RFM11.key()) && rfm.bins() != segments.bins()) {
            throw new LocalizedArgumentException(ScoreError.RFM11_BINS.with(rfm.bins()));
        }
        FeatureTable table = FeatureComputer.compute(customers, orders, events, asOf, zone);
        table = rfm.addTo(table);
        if (rfm.bins() == segments.bins()) {
            table = segments.addTo(table);
        } else {
            table = SegmentModel.withColumns(table, Map.of("rfm_segment", new TextColumn(new String[table.size()])));
        }
        table = scheme.addedColumns(table);
        Map<String, Column> tier = new LinkedHashMap<>();
        tier.put("tier", scheme.assign(table));
        table = SegmentModel.withColumns(table, tier);
        List<String> columns = new ArrayList<>(LEADING_COLUMNS);
        for (String name : table.columns().keySet()) {
            if (!columns.contains(name)) {
                columns.add(name);
            }
        }
        return new Result(table, columns);
    }
}
