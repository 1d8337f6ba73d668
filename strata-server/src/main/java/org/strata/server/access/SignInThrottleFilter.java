package org.strata.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses sign-in attempts from an address that failed too often lately, before any password is checked. */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInAttempts attempts;

    SignInThrottleFilter(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the request URI, not the servlet path: that is empty wherever the dispatcher is not mapped to "/"
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (attempts.throttled(ClientAddress.of(request))) {
            attempts.refusedAsThrottled(request);
            response.setHeader("Retry-After", String.valueOf(SignInAttempts.ADDRESS_WINDOW.toSeconds()));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
