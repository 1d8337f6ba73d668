package org.strata.engine.rule;

import org.strata.engine.i18n.LocalizedText;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Thrown by {@link RuleCheck#orThrow()} when a rule has errors; carries every diagnostic, not only the first. */
public class RuleException extends IllegalArgumentException implements LocalizedText {

    public static final String CODE = "rule.error.invalid";

    private final transient List<Diagnostic> diagnostics;

    public RuleException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** One code for "the rule has problems"; each diagnostic carries its own. */
    @Override
    public String code() {
        return CODE;
    }

    /** Every diagnostic on a line of its own, in {@code locale}'s language. */
    @Override
    public String text(Locale locale) {
        return diagnostics.stream().map(d -> d.text(locale)).collect(Collectors.joining("\n"));
    }
}
