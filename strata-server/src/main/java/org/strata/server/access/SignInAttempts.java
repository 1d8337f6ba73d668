package org.strata.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in outcomes: audited, and counted against brute force twice over. Per account, {@link #ACCOUNT_LIMIT}
 * failures in a row lock it for {@link #LOCK_TIME} (stored, so it holds across restarts and servers). Per client
 * address, more than {@link #ADDRESS_LIMIT} failures within {@link #ADDRESS_WINDOW} refuse further attempts from
 * it for the rest of the window, which stops guessing spread over many accounts. Both counts live in the database
 * (users, sign_in_failures), so a restart forgets neither and every node of a cluster sees the same ones.
 */
@Component
class SignInAttempts implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final int ACCOUNT_LIMIT = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);
    static final int ADDRESS_LIMIT = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    private final UserAccounts users;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInAttempts(UserAccounts users, AuditLog audit, JdbcClient jdbc) {
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Whether the address has used up its failures for now. */
    boolean throttled(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_failures WHERE address = :address AND failed_at > :since")
                .param("address", address(address))
                .param("since", Timestamp.from(clock.instant().minus(ADDRESS_WINDOW)))
                .query(Long.class).single() >= ADDRESS_LIMIT;
    }

    /** A refused attempt from a throttled address, audited like any failed sign-in. */
    void refusedAsThrottled(HttpServletRequest request) {
        String username = request.getParameter("username");
        audit.record(new AuditEntry(username == null ? "" : username, "auth.sign_in_failed", username,
                "address throttled: " + ADDRESS_LIMIT + " failures within " + ADDRESS_WINDOW.toMinutes() + " minutes",
                AuditEntry.DENIED, ClientAddress.of(request)));
    }

    private void countFailure(String address) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO sign_in_failures (address, failed_at) VALUES (:address, :at)")
                .param("address", address(address)).param("at", Timestamp.from(now)).update();
        // failures older than the window no longer count anywhere: keep the table small
        jdbc.sql("DELETE FROM sign_in_failures WHERE failed_at <= :before")
                .param("before", Timestamp.from(now.minus(ADDRESS_WINDOW))).update();
    }

    /** The column holds 64 characters (an IPv6 address with a zone fits); an unknown address counts as one. */
    private static String address(String address) {
        String known = address == null ? "unknown" : address;
        return known.length() > 64 ? known.substring(0, 64) : known;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        users.succeededSignIn(authentication.getName());
        audit.record(new AuditEntry(authentication.getName(), "auth.sign_in", authentication.getName(), null,
                AuditEntry.SUCCESS, ClientAddress.of(request)));
        onward.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String address = ClientAddress.of(request);
        boolean locked = exception instanceof LockedException;
        if (username != null && !locked) {
            users.failedSignIn(username, ACCOUNT_LIMIT, clock.instant().plus(LOCK_TIME));
        }
        countFailure(address);
        audit.record(new AuditEntry(username == null ? "" : username, "auth.sign_in_failed", username,
                locked ? "account locked" : exception.getClass().getSimpleName(), AuditEntry.DENIED, address));
        response.sendRedirect(request.getContextPath() + "/login?" + (locked ? "locked" : "error"));
    }
}
