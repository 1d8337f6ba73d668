package org.strata.engine.rule;

/** Where a piece of a rule is in its source text: {@code [start, end)} in UTF-16 code units, as JavaScript counts. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public int length() {
        return end - start;
    }
}
