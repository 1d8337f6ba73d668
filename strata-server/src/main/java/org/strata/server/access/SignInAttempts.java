package org.strata.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in outcomes: audited, and counted against brute force twice over. Per account, {@link #ACCOUNT_LIMIT}
 * failures in a row lock it for {@link #LOCK_TIME} (stored, so it holds across restarts and servers). Per client
 * address, more than {@link #ADDRESS_LIMIT} failures within {@link #ADDRESS_WINDOW} refuse further attempts from
 * it for the rest of the window, which stops guessing spread over many accounts.
 */
@Component
class SignInAttempts implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final int ACCOUNT_LIMIT = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);
    static final int ADDRESS_LIMIT = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInAttempts(UserAccounts users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /** Whether the address has used up its failures for now. */
    boolean throttled(String address) {
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            Instant since = clock.instant().minus(ADDRESS_WINDOW);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(since)) {
                failures.pollFirst();
            }
            return failures.size() >= ADDRESS_LIMIT;
        }
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
        Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (failures) {
            failures.addLast(clock.instant());
        }
        audit.record(new AuditEntry(username == null ? "" : username, "auth.sign_in_failed", username,
                locked ? "account locked" : exception.getClass().getSimpleName(), AuditEntry.DENIED, address));
        response.sendRedirect(request.getContextPath() + "/login?" + (locked ? "locked" : "error"));
    }
}
