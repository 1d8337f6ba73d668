package org.strata.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** 401 for the REST API as a problem detail (a browser page is redirected to the sign-in form instead). */
class ApiProblemEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        reject(response, "sign in, or send a personal API token as Authorization: Bearer <token>");
    }

    void reject(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"strata\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // detail is one of our own constant sentences, never request text, so plain concatenation is safe JSON
        response.getWriter().write("{\"type\":\"https://strata.dev/problems/unauthenticated\",\"title\":"
                + "\"Unauthenticated\",\"status\":401,\"detail\":\"" + detail + "\"}");
    }
}
