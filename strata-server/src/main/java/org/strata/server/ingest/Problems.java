package org.strata.server.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/** RFC 9457 problem details for the ingestion API. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://strata.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        return problem;
    }
}
