package org.strata.engine.rule;

public enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Orderings need an ordered type (numbers, dates); equality works on every value type. */
    public boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** The outcome of this comparison given {@code Integer.signum(compare(left, right))}. */
    public boolean test(int sign) {
        return switch (this) {
            case EQUAL -> sign == 0;
            case NOT_EQUAL -> sign != 0;
            case LESS -> sign < 0;
            case LESS_OR_EQUAL -> sign <= 0;
            case GREATER -> sign > 0;
            case GREATER_OR_EQUAL -> sign >= 0;
        };
    }
}
