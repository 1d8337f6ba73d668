package org.strata.engine.table;

/**
 * One column of a {@link FeatureTable}: a value per customer row, held in primitive arrays so that rules and models
 * scan it without boxing. Row {@code i} of every column belongs to the customer at dense index {@code i}.
 */
public sealed interface Column permits NumberColumn, TextColumn, BooleanColumn, DateColumn, TagColumn {

    int size();

    boolean isNull(int row);
}
