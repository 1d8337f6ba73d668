package org.strata.engine.scheme;

import org.strata.engine.i18n.LocalizedText;
import org.strata.engine.i18n.Message;

import java.util.Locale;

/** A problem in a scheme's YAML: 1-based line and column in the file, the field's path, and what would be right. */
public record YamlProblem(int line, int column, String field, Message message) implements LocalizedText {

    @Override
    public String code() {
        return message.code();
    }

    /** "line 3:5 (tiers[0].rule): …" / "第 3 行第 5 列（tiers[0].rule）：…". */
    @Override
    public String text(Locale locale) {
        return (field.isEmpty() ? SchemeError.YAML_PROBLEM.with(line, column, message)
                : SchemeError.YAML_PROBLEM_IN_FIELD.with(line, column, field, message)).text(locale);
    }

    @Override
    public String toString() {
        return english();
    }
}
