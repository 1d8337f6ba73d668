package org.strata.server.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strata.server.access.DataScope;
import org.strata.server.access.Role;
import org.strata.server.access.SignedInUser;

/**
 * MockMvc for an application context a test starts itself (a restart, a special configuration), where
 * {@link SignedInAs} cannot reach: every request goes through the security filters as a signed-in administrator
 * with a valid CSRF token.
 */
public final class SignedInMockMvc {

    private SignedInMockMvc() {
    }

    public static MockMvc asAdministrator(WebApplicationContext context) {
        SignedInUser admin = new SignedInUser(-1, "tester", "tester", Role.ADMIN, DataScope.ALL, null,
                "{noop}unused", true, null);
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(authentication(SignedInAsFactory.context(admin).getAuthentication()))
                        .with(csrf()))
                .build();
    }
}
