package org.strata.server.customer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Answers the customer API's errors as RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = CustomerController.class)
class CustomerProblems {

    @ExceptionHandler
    ProblemDetail notFound(CustomerNotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "customer-not-found", "Customer not found", e);
        problem.setProperty("customerId", e.customerId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail merged(CustomerMergedException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "customer-merged", "Customer merged", e);
        problem.setProperty("customerId", e.customerId());
        problem.setProperty("survivorId", e.survivorId());
        problem.setProperty("survivor", "/api/v1/customers/" + e.survivorId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidQuery(InvalidCustomerQueryException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid customer query", e);
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        problem.setType(URI.create("https://strata.dev/problems/" + type));
        return problem;
    }
}
