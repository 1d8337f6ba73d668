package org.strata.server.access;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. The form posts to /login, which Spring Security handles (see SecurityConfiguration). */
@Controller
class LoginController {

    @GetMapping("/login")
    @PublicEndpoint
    String login() {
        return "login";
    }
}
