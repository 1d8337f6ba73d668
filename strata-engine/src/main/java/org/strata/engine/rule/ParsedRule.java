package org.strata.engine.rule;

import java.util.List;
import java.util.Map;

/**
 * What the parser read: the tree (with {@link Expr.Invalid} where it could not read), where each node is in the
 * source, and the syntax errors. Type errors are found later, against the feature declarations, by
 * {@link RuleChecker}.
 */
public record ParsedRule(String source, Expr expr, Map<Expr, Span> spans, List<Diagnostic> diagnostics) {

    public Span spanOf(Expr node) {
        Span span = spans.get(node);
        return span != null ? span : new Span(0, source.length());
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }
}
