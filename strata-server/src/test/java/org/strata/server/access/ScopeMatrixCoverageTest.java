package org.strata.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.strata.server.testsupport.H2Database;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope matrices cover every customer-scoped endpoint: each handler declaring {@code customerScoped = true} is
 * named by a {@link Covers} of a matrix test, and every name there is a real handler (a renamed endpoint does not
 * leave a stale, silently passing case behind). A page or endpoint added later with {@code customerScoped = true}
 * fails here until a matrix case proves it shows each person exactly their customers.
 */
@H2Database
class ScopeMatrixCoverageTest {

    /** The tests that prove scopes; a new matrix test class is added here. */
    static final List<Class<?>> MATRICES = List.of(DataScopeMatrixTest.Contract.class,
            ConsoleScopeMatrixTest.Contract.class, PlaybookScopeMatrixTest.Contract.class);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyCustomerScopedEndpointHasAScopeMatrixCase() {
        Set<String> scoped = endpoints(handler -> AccessRules.ruleOf(handler).map(Access::customerScoped)
                .orElse(false));
        assertThat(scoped).as("customer-scoped endpoints").hasSizeGreaterThan(40);
        assertThat(difference(scoped, covered()))
                .as("customer-scoped endpoints without a scope matrix case (add one with @Covers)").isEmpty();
    }

    @Test
    void everyMatrixCaseNamesAnExistingCustomerScopedEndpoint() {
        Set<String> scoped = endpoints(handler -> AccessRules.ruleOf(handler).map(Access::customerScoped)
                .orElse(false));
        assertThat(difference(covered(), scoped))
                .as("@Covers naming no customer-scoped endpoint (renamed, removed or not declared scoped?)").isEmpty();
    }

    /** "METHOD /pattern" of every Strata handler the filter accepts. */
    private Set<String> endpoints(Predicate<HandlerMethod> filter) {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            if (!AccessRules.isStrataHandler(entry.getValue()) || !filter.test(entry.getValue())) {
                continue;
            }
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String method : methods) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    names.add(method + " " + pattern);
                }
            }
        }
        return names;
    }

    private static Set<String> covered() {
        Set<String> names = new TreeSet<>();
        for (Class<?> matrix : MATRICES) {
            for (Method test : matrix.getDeclaredMethods()) {
                Covers covers = test.getAnnotation(Covers.class);
                if (covers != null) {
                    names.addAll(List.of(covers.value()));
                }
            }
        }
        return names;
    }

    private static Set<String> difference(Set<String> all, Set<String> minus) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(minus);
        return rest;
    }
}
