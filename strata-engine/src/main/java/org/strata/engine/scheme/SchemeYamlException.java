package org.strata.engine.scheme;

import java.util.List;
import java.util.stream.Collectors;

/** A scheme file that cannot be read; carries every problem found, not only the first. */
public class SchemeYamlException extends IllegalArgumentException {

    private final transient List<YamlProblem> problems;

    public SchemeYamlException(List<YamlProblem> problems) {
        super(problems.stream().map(YamlProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<YamlProblem> problems() {
        return problems;
    }
}
