package org.strata.engine.rule;

public enum ArithmeticOperator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Multiplication and division bind tighter than addition and subtraction. */
    public boolean isMultiplicative() {
        return this == MULTIPLY || this == DIVIDE;
    }
}
