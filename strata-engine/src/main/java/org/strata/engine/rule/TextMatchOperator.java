package org.strata.engine.rule;

public enum TextMatchOperator {
    CONTAINS("contains"), STARTS_WITH("starts_with");

    private final String keyword;

    TextMatchOperator(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public boolean test(String text, String pattern) {
        return this == CONTAINS ? text.contains(pattern) : text.startsWith(pattern);
    }
}
