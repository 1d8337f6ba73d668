package org.strata.engine.i18n;

import java.util.List;

/**
 * One kind of error text: its stable code (the bundle key, which clients may match on) and the names of the
 * arguments its text places, in order. Implemented by enums, one per area, so every code is declared once and a
 * test can check that each bundle has every code with exactly these placeholders.
 */
public interface MessageKey {

    /** The bundle key, e.g. {@code rule.error.unknown_feature}; stable across releases. */
    String code();

    /** The argument names, in the order {@link #with} takes them; the texts refer to them as {@code {name}}. */
    List<String> parameters();

    /** The bundle's base name, e.g. {@code org.strata.engine.i18n.errors}. */
    String bundle();

    /**
     * This error with its arguments: texts, numbers or other messages (rendered in the same language).
     *
     * @throws IllegalArgumentException when the count differs from {@link #parameters()}: a programming mistake
     */
    default Message with(Object... arguments) {
        return new Message(this, List.of(arguments));
    }
}
