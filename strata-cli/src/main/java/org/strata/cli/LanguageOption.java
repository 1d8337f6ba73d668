package org.strata.cli;

import org.strata.engine.i18n.LocalizedText;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code --lang zh-CN|en}: the language of error texts and reports. Without it the system's locale decides (a
 * Chinese Windows or {@code LANG=zh_CN.UTF-8} reads Chinese), and any language other than Chinese reads English.
 */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "LANG",
            description = "language of error messages and reports: zh-CN or en (default: the system's language)")
    String lang;

    Locale locale() {
        return lang == null || lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang.strip());
    }

    /** One of the commands' own texts in this language. */
    String say(CliText text, Object... arguments) {
        return text.with(arguments).text(locale());
    }

    /** The exception's text in this language when it has one, else its message as it is. */
    String text(Throwable e) {
        return e instanceof LocalizedText localized ? localized.text(locale()) : e.getMessage();
    }
}
