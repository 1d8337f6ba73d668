package org.strata.engine.rule;

import org.strata.engine.feature.FeatureType;
import org.strata.engine.i18n.Message;

/** The type of an expression in a rule; {@code ERROR} marks one already reported, so errors do not cascade. */
public enum RuleType {
    NUMBER(RuleError.TYPE_NUMBER), TEXT(RuleError.TYPE_TEXT), BOOLEAN(RuleError.TYPE_BOOLEAN),
    DATE(RuleError.TYPE_DATE), TAGS(RuleError.TYPE_TAGS), ERROR(RuleError.TYPE_ERROR);

    private final RuleError described;

    RuleType(RuleError described) {
        this.described = described;
    }

    /** How the type reads in a message: "expected a number" / "应为数字". */
    public Message described() {
        return described.with();
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
