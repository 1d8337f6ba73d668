package org.strata.server.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** 403: the caller is signed in but their role lacks the permission. Answered as a problem detail. */
public class PermissionDeniedException extends ErrorResponseException {

    public PermissionDeniedException(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(URI.create("https://strata.dev/problems/permission-denied"));
        problem.setTitle("Permission denied");
        return problem;
    }
}
