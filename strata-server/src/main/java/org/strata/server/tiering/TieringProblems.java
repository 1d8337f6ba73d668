package org.strata.server.tiering;

import java.net.URI;
import org.springframework.context.i18n.LocaleContextHolder;
import org.strata.engine.i18n.LocalizedText;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.strata.engine.scheme.SchemeException;
import org.strata.engine.scheme.SchemeYamlException;

/** Turns tiering errors into RFC 9457 problem details that say where the problem is and what would be right. */
@RestControllerAdvice(assignableTypes = {SchemeController.class, RunController.class, PreviewController.class})
class TieringProblems {

    private static final String TYPE = "https://strata.dev/problems/tiering/";

    @ExceptionHandler(TieringNotFoundException.class)
    ProblemDetail notFound(TieringNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(TieringConflictException.class)
    ProblemDetail conflict(TieringConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler({TieringBadRequestException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        // a rule's problems (RuleException) and other localized refusals read in the request's language
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Unreadable request body",
                cause == null ? e.getMessage() : cause.getMessage());
    }

    @ExceptionHandler(SchemeYamlException.class)
    ProblemDetail yaml(SchemeYamlException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "yaml", "The scheme YAML has problems", e);
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(SchemeException.class)
    ProblemDetail scheme(SchemeException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rules", "Rules of the scheme have problems",
                e);
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(TieringRunFailedException.class)
    ProblemDetail runFailed(TieringRunFailedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "run-failed",
                "The run failed and changed nothing", e.getMessage());
        problem.setProperty("runId", e.runId());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict with stored data",
                String.valueOf(e.getMostSpecificCause().getMessage()));
    }

    /** The exception's text in the request's language and its stable {@code code} when it has them. */
    private static ProblemDetail problem(HttpStatus status, String type, String title, RuntimeException e) {
        if (e instanceof LocalizedText localized) {
            ProblemDetail problem = problem(status, type, title, localized.text(LocaleContextHolder.getLocale()));
            problem.setProperty("code", localized.code());
            return problem;
        }
        return problem(status, type, title, e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE + type));
        problem.setTitle(title);
        return problem;
    }

}
