package org.strata.server.access;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.Optional;

/** Finds the declared access rule of a handler method: its own {@link Access}, else its controller's. */
public final class AccessRules {

    /** Handlers of these packages must declare a rule; others (Spring's error page, springdoc) are framework's. */
    public static final String STRATA_PACKAGE = "org.strata.";

    private AccessRules() {
    }

    public static boolean isStrataHandler(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith(STRATA_PACKAGE);
    }

    public static Optional<Access> ruleOf(HandlerMethod handler) {
        Access own = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
        return Optional.ofNullable(own != null ? own
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class));
    }

    public static boolean isPublic(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class);
    }
}
