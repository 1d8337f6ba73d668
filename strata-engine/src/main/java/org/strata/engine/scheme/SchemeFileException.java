package org.strata.engine.scheme;

import java.nio.file.Path;
import java.util.Locale;
import org.strata.engine.i18n.LocalizedText;

/** A scheme file that is not a valid scheme: the file's name, then every problem with its line and field. */
public class SchemeFileException extends IllegalArgumentException implements LocalizedText {

    private final Path file;
    private final SchemeYamlException problems;

    public SchemeFileException(Path file, SchemeYamlException problems) {
        super(file + ":\n" + problems.getMessage(), problems);
        this.file = file;
        this.problems = problems;
    }

    @Override
    public String code() {
        return problems.code();
    }

    @Override
    public String text(Locale locale) {
        return file + ":\n" + problems.text(locale);
    }
}
