package org.strata.engine.rule;

import org.strata.engine.feature.FeatureType;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule that parsed and type-checked against a {@link FeatureCatalog}: the only thing the back ends accept, so they
 * never meet an unknown name or a mistyped operand. Obtain one from {@link RuleChecker#check}.
 */
public final class Rule {

    private final String source;
    private final Expr expr;
    private final FeatureCatalog catalog;
    private final Map<Expr, RuleType> types;
    private final Map<Expr, Span> spans;

    Rule(String source, Expr expr, FeatureCatalog catalog, Map<Expr, RuleType> types, Map<Expr, Span> spans) {
        this.source = source;
        this.expr = expr;
        this.catalog = catalog;
        this.types = Collections.unmodifiableMap(types);
        this.spans = Collections.unmodifiableMap(spans);
    }

    public String source() {
        return source;
    }

    public Expr expr() {
        return expr;
    }

    public FeatureCatalog catalog() {
        return catalog;
    }

    /** The checked type of a node of this rule's tree (looked up by identity). */
    public RuleType typeOf(Expr node) {
        RuleType type = types.get(node);
        if (type == null) {
            throw new IllegalArgumentException("not a node of this rule: " + node);
        }
        return type;
    }

    public Span spanOf(Expr node) {
        Span span = spans.get(node);
        return span != null ? span : new Span(0, source.length());
    }

    /** The TAGS feature a {@code has_tag} call tests: its first argument, or the catalog's only TAGS feature. */
    public String tagFeature(Expr.Call hasTag) {
        if (hasTag.arguments().size() == 2) {
            return ((Expr.Feature) hasTag.arguments().get(0)).name();
        }
        return catalog.ofType(FeatureType.TAGS).get(0).name();
    }

    /** The tag a {@code has_tag} call tests. */
    public static String tag(Expr.Call hasTag) {
        return ((Expr.TextLiteral) hasTag.arguments().get(hasTag.arguments().size() - 1)).value();
    }

    /** The features the rule reads, sorted: what a caller must load before evaluating it. */
    public Set<String> featureNames() {
        Set<String> names = new TreeSet<>();
        for (Expr node : types.keySet()) {
            if (node instanceof Expr.Feature feature) {
                names.add(feature.name());
            }
            if (node instanceof Expr.Call call && call.function() == Function.HAS_TAG) {
                names.add(tagFeature(call));
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return source;
    }
}
