package org.strata.engine.model;

/**
 * One class a model puts customers in: the key stored in a column (stable, lower snake case, used in rules such as
 * {@code rfm_segment = 'champions'}) and the labels shown to people.
 */
public record Segment(String key, String labelZh, String labelEn) {

    public Segment {
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("segment key must be lower snake case: " + key);
        }
    }
}
