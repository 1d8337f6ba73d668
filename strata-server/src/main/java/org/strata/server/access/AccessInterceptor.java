package org.strata.server.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.Optional;

/**
 * Enforces each handler's declared {@link Access} rule and writes the audit entry it asks for. Fails closed: a
 * Strata handler without a rule is refused, so a forgotten declaration cannot open an endpoint.
 */
@Component
class AccessInterceptor implements HandlerInterceptor {

    private final AuditLog audit;

    AccessInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !AccessRules.isStrataHandler(method)
                || AccessRules.isPublic(method)) {
            return true;
        }
        Optional<Access> rule = AccessRules.ruleOf(method);
        if (rule.isEmpty()) {
            throw new PermissionDeniedException("this endpoint declares no access rule, so it is closed");
        }
        Permission needed = rule.get().value();
        if (!CurrentUser.can(needed)) {
            if (!rule.get().audit().isEmpty()) {
                // afterCompletion is not called for a refused request, so the attempt is written here
                audit.record(new AuditEntry(CurrentUser.name(), rule.get().audit(), target(request),
                        request.getMethod() + " " + request.getRequestURI() + " without " + needed.name(),
                        AuditEntry.DENIED, ClientAddress.of(request)));
            }
            String who = CurrentUser.get().map(u -> "the role " + u.role().code()).orElse("this caller");
            throw new PermissionDeniedException(who + " does not have the permission " + needed.name().toLowerCase(
                    java.util.Locale.ROOT));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(handler instanceof HandlerMethod method) || !AccessRules.isStrataHandler(method)) {
            return;
        }
        Optional<Access> rule = AccessRules.ruleOf(method);
        if (rule.isEmpty() || rule.get().audit().isEmpty()) {
            return;
        }
        int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
        audit.record(new AuditEntry(CurrentUser.name(), rule.get().audit(), target(request),
                request.getMethod() + " " + request.getRequestURI() + pathVariables(request),
                AuditEntry.outcomeOf(status), ClientAddress.of(request)));
    }

    private static String target(HttpServletRequest request) {
        return request.getRequestURI();
    }

    private static String pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && !map.isEmpty() ? " " + map : "";
    }
}
