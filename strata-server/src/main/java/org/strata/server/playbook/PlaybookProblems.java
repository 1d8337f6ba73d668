package org.strata.server.playbook;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for every controller of the playbook module, naming the JSON field at fault. */
@RestControllerAdvice(basePackages = "org.strata.server.playbook")
class PlaybookProblems {

    private static final String TYPE = "https://strata.dev/problems/playbook/";

    @ExceptionHandler(PlaybookNotFoundException.class)
    ProblemDetail notFound(PlaybookNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(PlaybookConflictException.class)
    ProblemDetail conflict(PlaybookConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(PlaybookBadRequestException.class)
    ProblemDetail badRequest(PlaybookBadRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
        if (e.pointer() != null) {
            problem.setProperty("pointer", e.pointer());
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Unreadable request body",
                cause == null ? e.getMessage() : cause.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE + type));
        problem.setTitle(title);
        return problem;
    }
}
