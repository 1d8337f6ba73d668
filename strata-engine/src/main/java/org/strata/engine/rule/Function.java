package org.strata.engine.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The functions a rule may call. {@code date('…')} is a literal, not a function, so it is not here. */
public enum Function {
    /** The run's as-of date (not the wall clock), so a run is reproducible. */
    TODAY("today", 0, 0, "today()"),
    /** Whole days from a date to the as-of date: {@code days_since(d) = today() - d}. */
    DAYS_SINCE("days_since", 1, 1, "days_since(date)"),
    /** Whole days from the first date to the second: negative when the second is earlier. */
    DAYS_BETWEEN("days_between", 2, 2, "days_between(from_date, to_date)"),
    /** The first argument that is not null; all arguments have one type. */
    COALESCE("coalesce", 2, Integer.MAX_VALUE, "coalesce(value, default, …)"),
    ABS("abs", 1, 1, "abs(number)"),
    /** The smaller of two numbers; null when either is null. */
    MIN("min", 2, 2, "min(number, number)"),
    /** The larger of two numbers; null when either is null. */
    MAX("max", 2, 2, "max(number, number)"),
    /** Whether the customer carries a tag: {@code has_tag('vip')}, or {@code has_tag(tag_feature, 'vip')}. */
    HAS_TAG("has_tag", 1, 2, "has_tag('tag')");

    private final String ruleName;
    private final int minArguments;
    private final int maxArguments;
    private final String signature;

    Function(String ruleName, int minArguments, int maxArguments, String signature) {
        this.ruleName = ruleName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.signature = signature;
    }

    public String ruleName() {
        return ruleName;
    }

    public int minArguments() {
        return minArguments;
    }

    public int maxArguments() {
        return maxArguments;
    }

    public String signature() {
        return signature;
    }

    public static Optional<Function> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.ruleName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Function::ruleName).toList();
    }
}
