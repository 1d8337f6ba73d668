package org.strata.server.web;

import java.util.List;
import java.util.Locale;

/** The languages the console is translated into; message bundles exist for exactly these. */
final class ConsoleLanguages {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private ConsoleLanguages() {
    }

    /** The supported language closest to {@code locale}: English for any English, Chinese otherwise. */
    static Locale of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static boolean isEnglish(Locale locale) {
        return of(locale).equals(Locale.ENGLISH);
    }
}
