package org.strata.engine.rule;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link RuleCheck#orThrow()} when a rule has errors; carries every diagnostic, not only the first. */
public class RuleException extends IllegalArgumentException {

    private final transient List<Diagnostic> diagnostics;

    public RuleException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
