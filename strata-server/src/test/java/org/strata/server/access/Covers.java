package org.strata.server.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoints a scope-matrix test proves, each as {@code "METHOD /pattern"} exactly as it is mapped (e.g.
 * {@code "GET /api/v1/customers/{id}"}). {@link ScopeMatrixCoverageTest} compares these with every handler that
 * declares {@code customerScoped = true}, so a new customer-scoped endpoint fails the build until a matrix test
 * shows that each person sees exactly their customers through it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {

    String[] value();
}
