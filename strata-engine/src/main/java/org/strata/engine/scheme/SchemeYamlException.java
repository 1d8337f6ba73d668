package org.strata.engine.scheme;

import org.strata.engine.i18n.LocalizedText;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A scheme file that cannot be read; carries every problem found, not only the first. */
public class SchemeYamlException extends IllegalArgumentException implements LocalizedText {

    private final transient List<YamlProblem> problems;

    public SchemeYamlException(List<YamlProblem> problems) {
        super(problems.stream().map(YamlProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<YamlProblem> problems() {
        return problems;
    }

    /** One code for the whole; each problem carries its own. */
    @Override
    public String code() {
        return "scheme.error.yaml";
    }

    /** Every problem on a line of its own, in {@code locale}'s language. */
    @Override
    public String text(Locale locale) {
        return problems.stream().map(p -> p.text(locale)).collect(Collectors.joining("\n"));
    }
}
