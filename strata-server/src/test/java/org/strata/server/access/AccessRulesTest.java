package org.strata.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.strata.server.testsupport.H2Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request handler of Strata declares its access rule ({@link Access} or {@link PublicEndpoint}). An endpoint
 * added later without one fails here (and is refused at run time) until its author decides who may call it.
 */
@H2Database
class AccessRulesTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyStrataEndpointDeclaresWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!AccessRules.isStrataHandler(handler)) {
                continue;
            }
            checked++;
            if (AccessRules.ruleOf(handler).isEmpty() && !AccessRules.isPublic(handler)) {
                undeclared.add(entry.getKey() + " -> " + handler.getShortLogMessage());
            }
        }
        assertThat(checked).as("Strata handlers found").isGreaterThan(40);
        assertThat(undeclared).as("endpoints without @Access or @PublicEndpoint").isEmpty();
    }

    @Test
    void onlyTheSignInPageIsPublic() {
        List<String> open = handlers.getHandlerMethods().entrySet().stream()
                .filter(e -> AccessRules.isStrataHandler(e.getValue()) && AccessRules.isPublic(e.getValue()))
                .map(e -> e.getKey().toString()).toList();
        assertThat(open).singleElement().asString().contains("/login");
    }

    @Test
    void everyEndpointThatChangesDataIsAudited() {
        List<String> silent = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            boolean writes = info.getMethodsCondition().getMethods().stream()
                    .anyMatch(m -> m.name().matches("POST|PUT|PATCH|DELETE"));
            // previews and dry runs are POSTs that write nothing; user changes audit themselves with details
            // and the rule builder's text <-> tree conversions compute without storing anything
            boolean readOnlyPost = info.getPatternValues().stream().anyMatch(p -> p.contains("preview")
                    || p.contains("dry-run") || p.startsWith("/api/v1/dashboard/rules/"));
            boolean selfAudited = handler.getBeanType() == UserController.class
                    || handler.getBeanType() == ErasureController.class;
            if (AccessRules.isStrataHandler(handler) && writes && !readOnlyPost && !selfAudited) {
                AccessRules.ruleOf(handler).filter(rule -> rule.audit().isEmpty())
                        .ifPresent(rule -> silent.add(info.toString()));
            }
        });
        assertThat(silent).as("changing endpoints without an audit action").isEmpty();
    }
}
