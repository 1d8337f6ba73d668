package org.strata.server.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Gives every MockMvc request of a {@link SignedInAs} test the CSRF token a page of the console would send. */
@TestConfiguration(proxyBeanMethods = false)
public class CsrfForEveryRequest {

    @Bean
    MockMvcBuilderCustomizer csrfForEveryRequest() {
        return builder -> builder.defaultRequest(get("/").with(csrf()));
    }
}
