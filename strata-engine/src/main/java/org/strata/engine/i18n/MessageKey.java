package org.strata.engine.i18n;

import java.util.List;

/**
 * One kind of error text: its stable code (the bundle key, which clients may match on) and the names of the
 * arguments its text places, in order. Implemented by enums, one per area, so every code is declared once and a
 * test can check that each bundle has every code with exactly these placeholders.
 */
public interface MessageKey {

    /**
     * Where the text is and what it takes.
     *
     * @param bundle     the bundle's base name, e.g. {@code org.strata.engine.i18n.errors}
     * @param code       the bundle key, e.g. {@code rule.error.unknown_feature}; stable across releases
     * @param parameters the argument names, in the order {@link #with} takes them; texts place them as {@code {name}}
     */
    record Definition(String bundle, String code, List<String> parameters) {

        public Definition(String bundle, String code, String... parameters) {
            this(bundle, code, List.of(parameters));
        }
    }

    Definition definition();

    default String code() {
        return definition().code();
    }

    default List<String> parameters() {
        return definition().parameters();
    }

    default String bundle() {
        return definition().bundle();
    }

    /**
     * This error with its arguments: texts, numbers or other messages (rendered in the same language).
     *
     * @throws IllegalArgumentException when the count differs from {@link #parameters()}: a programming mistake
     */
    default Message with(Object... arguments) {
        return new Message(this, List.of(arguments));
    }
}
