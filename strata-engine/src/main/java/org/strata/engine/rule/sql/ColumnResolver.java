package org.strata.engine.rule.sql;

import org.strata.engine.feature.FeatureDefinition;

/**
 * Where the features live in the database. Only the SQL this returns (built from declared names, never from rule
 * text) is written into a compiled rule.
 */
public interface ColumnResolver {

    /** SQL reading the feature's value for the current row, e.g. {@code c."monetary"}. */
    String column(FeatureDefinition feature);

    /** SQL for the current row's customer id, which a tags table refers to. */
    String customerId();

    /** The table holding a TAGS feature: one row per customer and tag. */
    TagTable tagTable(FeatureDefinition tagsFeature);

    /** One row per (customer, tag); a customer without rows has no tags. */
    record TagTable(String table, String customerIdColumn, String tagColumn) {
    }

    /**
     * Features as columns of one table aliased {@code alias}, each column named like its feature; tags in
     * {@code tags} whatever the TAGS feature (override {@link #tagTable} for several tags features).
     */
    static ColumnResolver table(String alias, String customerIdColumn, TagTable tags) {
        return new ColumnResolver() {
            @Override
            public String column(FeatureDefinition feature) {
                return SqlIdentifiers.quote(alias) + "." + SqlIdentifiers.quote(feature.name());
            }

            @Override
            public String customerId() {
                return SqlIdentifiers.quote(alias) + "." + SqlIdentifiers.quote(customerIdColumn);
            }

            @Override
            public TagTable tagTable(FeatureDefinition tagsFeature) {
                return tags;
            }
        };
    }
}
