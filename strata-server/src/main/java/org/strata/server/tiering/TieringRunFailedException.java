package org.strata.server.tiering;

import java.util.List;
import org.strata.engine.scheme.SchemeException;
import org.strata.engine.scheme.SchemeProblem;

/** A run that failed because a rule could not be evaluated; the run is recorded as failed and changed nothing. */
class TieringRunFailedException extends RuntimeException {

    private final long runId;
    private final transient List<SchemeProblem> problems;

    TieringRunFailedException(long runId, SchemeException cause) {
        super("run " + runId + " failed and changed nothing: " + cause.getMessage(), cause);
        this.runId = runId;
        this.problems = cause.problems();
    }

    long runId() {
        return runId;
    }

    List<SchemeProblem> problems() {
        return problems;
    }
}
