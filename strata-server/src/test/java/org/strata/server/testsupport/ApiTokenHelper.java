package org.strata.server.testsupport;

import org.springframework.context.ApplicationContext;
import org.strata.server.access.ApiTokens;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;
import org.strata.server.access.UserAccounts;

import java.time.Duration;
import java.util.UUID;

/**
 * For tests over real HTTP (or MockMvc without {@link SignedInAs}): creates a user who can sign in and returns a
 * personal API token for them, to send as {@code Authorization: Bearer <token>}.
 */
public final class ApiTokenHelper {

    private ApiTokenHelper() {
    }

    /** A new user of the role (scope: the role's, team: none) and a token valid for a day. */
    public static String tokenFor(ApplicationContext context, Role role) {
        return tokenFor(context, "user-" + UUID.randomUUID().toString().substring(0, 8), role, null, null);
    }

    public static String tokenFor(ApplicationContext context, String username, Role role, DataScope scope,
                                  Long teamId) {
        UserAccounts users = context.getBean(UserAccounts.class);
        long id = users.find(username).map(u -> u.id()).orElseGet(() -> users.create(username, username, null,
                teamId, role, scope, "test-password-" + UUID.randomUUID()));
        return context.getBean(ApiTokens.class).create(id, "test", Duration.ofDays(1)).token();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
