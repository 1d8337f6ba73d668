package org.strata.bench;

import org.springframework.context.ApplicationContext;
import org.strata.server.access.ApiTokens;
import org.strata.server.access.Role;
import org.strata.server.access.UserAccounts;

import java.time.Duration;
import java.util.UUID;

/**
 * The benchmarks call the API like any client: as a signed-in administrator (scope all, so the measured queries
 * are the ones an unrestricted user runs) with a personal API token.
 */
final class BenchAdmin {

    private BenchAdmin() {
    }

    /** The value of the Authorization header for a fresh administrator of the started application. */
    static String authorization(ApplicationContext context) {
        long id = context.getBean(UserAccounts.class).create("bench-admin", "bench", null, null, Role.ADMIN, null,
                "bench-" + UUID.randomUUID());
        return "Bearer " + context.getBean(ApiTokens.class).create(id, "bench", Duration.ofDays(1)).token();
    }
}
