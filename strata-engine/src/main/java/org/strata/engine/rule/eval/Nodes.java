package org.strata.engine.rule.eval;

/** Compiled pieces of a rule, one per result type; each evaluates a whole column at once. */
final class Nodes {

    private Nodes() {
    }

    @FunctionalInterface
    interface BoolNode {
        Truth eval(Frame frame);
    }

    @FunctionalInterface
    interface NumberNode {
        Numbers eval(Frame frame);
    }

    @FunctionalInterface
    interface DateNode {
        Dates eval(Frame frame);
    }

    /** Text values; a null element is a missing value. */
    @FunctionalInterface
    interface TextNode {
        String[] eval(Frame frame);
    }
}
