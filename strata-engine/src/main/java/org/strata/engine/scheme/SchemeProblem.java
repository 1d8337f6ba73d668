package org.strata.engine.scheme;

import org.strata.engine.i18n.LocalizedText;
import org.strata.engine.i18n.Message;

import java.util.Locale;

/**
 * A problem in one rule of a scheme, located by the scheme, the part that holds the rule ({@code tier vip},
 * {@code tag big_spender}) and the line:column inside the rule.
 *
 * @param suggestion the closest valid name when the problem is an unknown name (the message says it too), else null
 */
public record SchemeProblem(String scheme, String part, int line, int column, Message message, String suggestion)
        implements LocalizedText {

    private static final String TIER = "tier ";
    private static final String TAG = "tag ";

    @Override
    public String code() {
        return message.code();
    }

    @Override
    public String text(Locale locale) {
        return SchemeError.RULE_PROBLEM.with(scheme, where(), line, column, message).text(locale);
    }

    /** {@code part} ("tier vip") in words of the reader's language; {@code part} itself stays a stable identifier. */
    public Message where() {
        if (part.startsWith(TIER)) {
            return SchemeError.PART_TIER.with(part.substring(TIER.length()));
        }
        return part.startsWith(TAG) ? SchemeError.PART_TAG.with(part.substring(TAG.length())) : Message.literal(part);
    }

    @Override
    public String toString() {
        return english();
    }
}
