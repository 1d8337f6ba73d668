package org.strata.engine.scheme;

/** A problem in a scheme's YAML: 1-based line and column in the file, the field's path, and what would be right. */
public record YamlProblem(int line, int column, String field, String message) {

    @Override
    public String toString() {
        return "line " + line + ":" + column + (field.isEmpty() ? "" : " (" + field + ")") + ": " + message;
    }
}
