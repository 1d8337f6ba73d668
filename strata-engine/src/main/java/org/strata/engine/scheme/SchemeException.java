package org.strata.engine.scheme;

import org.strata.engine.i18n.LocalizedText;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A scheme that cannot be compiled or evaluated. It never places part of the customers: either every rule works
 * or the whole evaluation fails, with every problem and where it is.
 */
public class SchemeException extends RuntimeException implements LocalizedText {

    private final transient List<SchemeProblem> problems;

    public SchemeException(List<SchemeProblem> problems) {
        super(problems.stream().map(SchemeProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public SchemeException(SchemeProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problems = List.of(problem);
    }

    public List<SchemeProblem> problems() {
        return problems;
    }

    /** One code for the whole; each problem carries its own. */
    @Override
    public String code() {
        return "scheme.error.rules";
    }

    /** Every problem on a line of its own, in {@code locale}'s language. */
    @Override
    public String text(Locale locale) {
        return problems.stream().map(p -> p.text(locale)).collect(Collectors.joining("\n"));
    }
}
