package org.strata.engine.rule;

import org.strata.engine.feature.FeatureType;

/** The type of an expression in a rule; {@code ERROR} marks one already reported, so errors do not cascade. */
public enum RuleType {
    NUMBER("a number"), TEXT("text"), BOOLEAN("a condition (true/false)"), DATE("a date"), TAGS("tags"),
    ERROR("an invalid value");

    private final String described;

    RuleType(String described) {
        this.described = described;
    }

    /** How the type reads in a message: "expected a number". */
    public String described() {
        return described;
    }

    public static RuleType of(FeatureType type) {
        return switch (type) {
            case NUMBER -> NUMBER;
            case TEXT -> TEXT;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case TAGS -> TAGS;
        };
    }
}
