package org.strata.engine.scheme;

import org.strata.engine.i18n.Message;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.table.FeatureTable;

/**
 * Turns rule text into a {@link Condition} over feature tables, reporting every problem with its line:column. The
 * scheme code depends only on this, so it does not care how the rule language is implemented (in memory here, SQL
 * elsewhere).
 */
public interface ConditionCompiler {

    /** The compiled condition, or every problem found in {@code source}. */
    Compilation compile(String source);

    /** Strata's rule language, type-checked against {@code catalog}. */
    static ConditionCompiler ruleLanguage(FeatureCatalog catalog) {
        return new RuleLanguageCompiler(catalog);
    }

    /** A rule that compiled: evaluated column-wise over a whole table at once. */
    interface Condition {

        /** The rows of {@code table} that match; {@code asOf} is the day date helpers such as today() mean. */
        BitSet matches(FeatureTable table, LocalDate asOf);

        /** The features the rule reads, which a table must hold and which explain a placement. */
        Set<String> features();
    }

    /** The outcome of compiling one rule: a condition when there are no problems. */
    record Compilation(Condition condition, List<RuleProblem> problems) {

        public Compilation {
            problems = List.copyOf(problems);
            if ((condition == null) == problems.isEmpty()) {
                throw new IllegalArgumentException("a compilation has a condition or problems, not both");
            }
        }

        public static Compilation of(Condition condition) {
            return new Compilation(condition, List.of());
        }

        public static Compilation failed(List<RuleProblem> problems) {
            return new Compilation(null, problems);
        }

        public boolean isValid() {
            return condition != null;
        }
    }

    /**
     * A problem in a rule's text, at a 1-based line and column of the rule.
     *
     * @param suggestion the closest valid name for an unknown one, else null
     */
    record RuleProblem(int line, int column, Message message, String suggestion) {

        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }
}
