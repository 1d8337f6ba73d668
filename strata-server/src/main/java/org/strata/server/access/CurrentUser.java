package org.strata.server.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The signed-in person of the current request, if any (background jobs and the command line have none). */
public final class CurrentUser {

    /** The actor recorded for work no person started: schedules, live updates, the command line. */
    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** The user name to record as the actor of a change. */
    public static String name() {
        return get().map(SignedInUser::getUsername).orElse(SYSTEM);
    }

    /** Whether personal data may be shown unmasked: to people with the permission and to jobs without a person. */
    public static boolean seesPersonalData() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        return get().map(u -> u.can(Permission.SEE_PERSONAL_DATA)).orElse(false);
    }

    public static boolean can(Permission permission) {
        return get().map(u -> u.can(permission)).orElse(false);
    }
}
