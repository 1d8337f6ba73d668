package org.strata.engine.rule;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a rule: the rule when it has no errors, and every diagnostic found (syntax and type errors
 * together, ordered by position).
 */
public record RuleCheck(Optional<Rule> rule, List<Diagnostic> diagnostics) {

    public RuleCheck {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return diagnostics.isEmpty();
    }

    public Rule orThrow() {
        return rule.orElseThrow(() -> new RuleException(diagnostics));
    }
}
