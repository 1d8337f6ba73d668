package org.strata.server.testsupport;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;
import org.strata.server.access.SignedInUser;

/** Builds the security context of {@link SignedInAs}. */
public final class SignedInAsFactory implements WithSecurityContextFactory<SignedInAs> {

    @Override
    public SecurityContext createSecurityContext(SignedInAs annotation) {
        DataScope scope = annotation.roleDefaultScope() ? usualScope(annotation.value()) : annotation.scope();
        SignedInUser user = new SignedInUser(annotation.userId(), annotation.username(), annotation.username(),
                annotation.value(), scope, annotation.teamId() < 0 ? null : annotation.teamId(), "{noop}unused",
                true, null);
        return context(user);
    }

    public static SecurityContext context(SignedInUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        return context;
    }

    /** The scopes V40 gives the roles. */
    public static DataScope usualScope(Role role) {
        return switch (role) {
            case ADMIN, ANALYST -> DataScope.ALL;
            case MANAGER, VIEWER -> DataScope.TEAM;
            case SALES_REP -> DataScope.MINE;
        };
    }
}
