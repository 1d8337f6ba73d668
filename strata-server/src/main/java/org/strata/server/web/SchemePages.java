package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The scheme list and the scheme editor; both work on the tiering API from the page's script. */
@Controller
class SchemePages implements ConsolePage {

    @Access(Permission.READ)
    @GetMapping("/schemes")
    String schemes(Model model) {
        model.addAttribute("section", "schemes");
        return "schemes";
    }

    @Access(Permission.READ)
    @GetMapping("/schemes/{key}")
    String editor(@PathVariable String key, Model model) {
        model.addAttribute("section", "schemes");
        model.addAttribute("key", key);
        return "scheme-editor";
    }
}
