package org.strata.server.testsupport;

import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a MockMvc test as a signed-in person (a browser session): the security context holds a {@code SignedInUser}
 * with the role and data scope given here, and every request carries a valid CSRF token, as the console's pages
 * send it. The user need not exist in the database. For real HTTP use {@link ApiTokenHelper}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@WithSecurityContext(factory = SignedInAsFactory.class)
@Import(CsrfForEveryRequest.class)
public @interface SignedInAs {

    Role value() default Role.ADMIN;

    /** Null-like default: the role's usual scope (admin all, manager team, analyst all, sales rep mine, viewer team). */
    DataScope scope() default DataScope.ALL;

    boolean roleDefaultScope() default true;

    String username() default "tester";

    long userId() default -1;

    /** The team the scope is measured from; -1 for none. */
    long teamId() default -1;
}
