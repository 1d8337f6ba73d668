package org.strata.server.ingest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

import org.strata.engine.i18n.LocalizedText;

/** RFC 9457 problem details for the ingestion API. */
final class Problems {

    private Problems() {
    }

    /** {@code detail} in the request's language, with its stable {@code code} for clients that must not parse text. */
    static ProblemDetail of(HttpStatus status, String title, LocalizedText detail) {
        ProblemDetail problem = of(status, title, detail.text(LocaleContextHolder.getLocale()));
        problem.setProperty("code", detail.code());
        return problem;
    }

    static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://strata.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        return problem;
    }
}
