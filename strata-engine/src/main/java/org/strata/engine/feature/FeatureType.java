package org.strata.engine.feature;

/** The type of a feature, which decides the operators the rule language allows on it and its column class. */
public enum FeatureType {
    /** Held in a NumberColumn; integers (counts, days) are numbers too, exact up to 2^53. */
    NUMBER,
    /** Held in a TextColumn (region, industry, owner ...). */
    TEXT,
    /** Held in a BooleanColumn. */
    BOOLEAN,
    /** Held in a DateColumn. */
    DATE,
    /** Held in a TagColumn; tested with {@code has_tag('x')}. */
    TAGS
}
