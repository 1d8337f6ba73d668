package org.strata.engine.i18n;

import java.util.Locale;

/** Something a user reads that can be said in their language, with a stable code a program can match instead. */
public interface LocalizedText {

    /** Stable, machine-readable: e.g. {@code import.error.not_a_date}. */
    String code();

    /** The text in {@code locale}'s language: Simplified Chinese for any Chinese locale, English otherwise. */
    String text(Locale locale);

    default String english() {
        return text(Locale.ENGLISH);
    }
}
