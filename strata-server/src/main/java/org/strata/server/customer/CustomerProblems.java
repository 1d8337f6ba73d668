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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Customer not found");
        problem.setType(URI.create("https://strata.dev/problems/customer-not-found"));
        problem.setProperty("customerId", e.customerId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail merged(CustomerMergedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Customer merged");
        problem.setType(URI.create("https://strata.dev/problems/customer-merged"));
        problem.setProperty("customerId", e.customerId());
        problem.setProperty("survivorId", e.survivorId());
        problem.setProperty("survivor", "/api/v1/customers/" + e.survivorId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidQuery(InvalidCustomerQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid customer query");
        problem.setType(URI.create("https://strata.dev/problems/invalid-query"));
        problem.setProperty("parameter", e.parameter());
        return problem;
    }
}
