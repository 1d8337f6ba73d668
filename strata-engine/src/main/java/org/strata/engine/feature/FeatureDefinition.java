package org.strata.engine.feature;

/**
 * The one declaration of a feature, from which the rule language (names, types), the API and the UI (labels, units)
 * all take what they need.
 *
 * @param name    identifier used in rules, e.g. {@code recency_days}; lower snake case
 * @param unit    e.g. "days", "CNY", "orders"; empty when none
 */
public record FeatureDefinition(String name, FeatureType type, String unit, String labelZh, String labelEn,
                                String description) {

    public FeatureDefinition {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("feature name must be lower snake case: " + name);
        }
    }
}
