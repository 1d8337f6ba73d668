package org.strata.engine.scheme;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;
import org.strata.engine.feature.StandardFeatures;
import org.strata.engine.model.Segment;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.score.TierScheme;
import org.strata.engine.table.BooleanColumn;
import org.strata.engine.table.Column;
import org.strata.engine.table.DateColumn;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TagColumn;
import org.strata.engine.table.TextColumn;

/**
 * A rule-based {@link TieringScheme} in the shape batch scoring ({@code strata score}) expects: the tier of every
 * customer is the first tier whose rule matches, exactly as a server run places them (hysteresis and pins aside,
 * which need a history that a batch has not got).
 */
public final class SchemeTierScheme implements TierScheme {

    private final TieringScheme scheme;
    private final LocalDate asOf;
    private final ModelColumns models = new ModelColumns();

    public SchemeTierScheme(TieringScheme scheme, LocalDate asOf) {
        this.scheme = scheme;
        this.asOf = asOf;
    }

    @Override
    public String key() {
        return scheme.key();
    }

    @Override
    public List<Segment> tiers() {
        return scheme.allTiers().stream().map(t -> new Segment(t.key(), t.nameZh(), t.nameEn())).toList();
    }

    /**
     * Adds the model columns (RFM 8 class, ABC, pyramid, lifecycle ...) that the table lacks; columns it has (scores
     * made with the caller's bins) are kept as they are.
     */
    @Override
    public FeatureTable addedColumns(FeatureTable table) {
        if (models.isComplete(table)) {
            return table;
        }
        Map<String, Column> columns = new LinkedHashMap<>(table.columns());
        models.addTo(table).columns().forEach(columns::putIfAbsent);
        return new FeatureTable(table.customerIds(), columns);
    }

    @Override
    public TextColumn assign(FeatureTable table) {
        FeatureTable full = addedColumns(table);
        Placement placement;
        try {
            placement = CompiledScheme.compile(scheme, ConditionCompiler.ruleLanguage(catalogOf(full)))
                    .evaluate(full, asOf);
        } catch (SchemeException e) {
            // batch callers report IllegalArgumentException as a user error, with every problem and where it is
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String[] tiers = new String[full.size()];
        for (int row = 0; row < tiers.length; row++) {
            tiers[row] = placement.tierKey(row);
        }
        return new TextColumn(tiers);
    }

    /** The standard declarations, plus the table's other columns (custom fields) declared by their column type. */
    static FeatureCatalog catalogOf(FeatureTable table) {
        Map<String, FeatureDefinition> declared = new LinkedHashMap<>();
        StandardFeatures.all().forEach(d -> declared.put(d.name(), d));
        table.columns().forEach((name, column) -> {
            if (!declared.containsKey(name) && name.matches("[a-z][a-z0-9_]*")) {
                declared.put(name, new FeatureDefinition(name, typeOf(column), "", name, name, "column " + name));
            }
        });
        return new FeatureCatalog(declared.values());
    }

    private static FeatureType typeOf(Column column) {
        if (column instanceof NumberColumn) {
            return FeatureType.NUMBER;
        }
        if (column instanceof BooleanColumn) {
            return FeatureType.BOOLEAN;
        }
        if (column instanceof DateColumn) {
            return FeatureType.DATE;
        }
        return column instanceof TagColumn ? FeatureType.TAGS : FeatureType.TEXT;
    }
}
