package org.strata.server.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a controller method (or of every method of a controller class, a method's own rule winning).
 * Every handler in Strata must declare one, or {@link PublicEndpoint}: a handler without a rule is refused at run
 * time, and AccessRulesTest fails the build for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {

    /** The permission the caller's role must have. */
    Permission value();

    /**
     * Whether the endpoint reads or changes customers, and so answers only within the caller's data scope (its
     * queries add {@code CustomerScope.condition}; an out-of-scope customer id answers 404).
     */
    boolean customerScoped() default false;

    /** When not empty, each call is written to the audit log under this action (e.g. {@code scheme.publish}). */
    String audit() default "";
}
