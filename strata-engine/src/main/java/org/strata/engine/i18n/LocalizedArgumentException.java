package org.strata.engine.i18n;

import java.util.Locale;

/**
 * A refused input whose explanation is a {@link Message}: its {@link #getMessage()} is English (logs, old callers),
 * while {@link #text(Locale)} says it in the user's language.
 */
public class LocalizedArgumentException extends IllegalArgumentException implements LocalizedText {

    private final transient Message problem;

    public LocalizedArgumentException(Message problem) {
        super(problem.english());
        this.problem = problem;
    }

    public Message problem() {
        return problem;
    }

    @Override
    public String code() {
        return problem.code();
    }

    @Override
    public String text(Locale locale) {
        return problem.text(locale);
    }
}
