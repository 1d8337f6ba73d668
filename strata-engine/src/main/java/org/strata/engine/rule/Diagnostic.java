package org.strata.engine.rule;

import org.strata.engine.i18n.CommonText;
import org.strata.engine.i18n.LocalizedText;
import org.strata.engine.i18n.Message;

import java.util.Locale;

/**
 * One problem in a rule, with where it is so a UI can underline it: {@code line} and {@code column} are 1-based,
 * {@code offset} and {@code length} count UTF-16 code units from the start of the rule (as JavaScript strings do).
 *
 * @param message    what is wrong and what would be right, rendered in the reader's language
 * @param suggestion the closest valid name when the problem is an unknown name, else {@code null}
 */
public record Diagnostic(int line, int column, int offset, int length, Message message, String suggestion)
        implements LocalizedText {

    /** The stable code of the problem, e.g. {@code rule.error.unknown_feature_did_you_mean}. */
    @Override
    public String code() {
        return message.code();
    }

    /** {@code line:column: message} in {@code locale}'s language ("第 1 行第 1 列：…" in Chinese). */
    @Override
    public String text(Locale locale) {
        return CommonText.AT_POSITION.with(line, column, message).text(locale);
    }

    /** The end column (exclusive) on the diagnostic's line, for underlining. */
    public int endColumn() {
        return column + Math.max(length, 1);
    }

    /** {@code line:column: message} in English, the form of logs and exception messages. */
    @Override
    public String toString() {
        return english();
    }
}
