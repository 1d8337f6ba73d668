package org.strata.engine.scheme;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Set;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.rule.RuleCheck;
import org.strata.engine.rule.RuleChecker;
import org.strata.engine.rule.eval.CompiledRule;
import org.strata.engine.table.FeatureTable;

/** {@link ConditionCompiler} over Strata's rule language: checked against a catalog, evaluated column-wise. */
final class RuleLanguageCompiler implements ConditionCompiler {

    private final FeatureCatalog catalog;

    RuleLanguageCompiler(FeatureCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Compilation compile(String source) {
        RuleCheck check = RuleChecker.check(source, catalog);
        if (!check.isValid()) {
            return Compilation.failed(check.diagnostics().stream()
                    .map(d -> new RuleProblem(d.line(), d.column(), d.message(), d.suggestion())).toList());
        }
        CompiledRule rule = CompiledRule.compile(check.orThrow());
        Set<String> features = rule.rule().featureNames();
        return Compilation.of(new Condition() {
            @Override
            public BitSet matches(FeatureTable table, LocalDate asOf) {
                return rule.matches(table, asOf);
            }

            @Override
            public Set<String> features() {
                return features;
            }
        });
    }
}
