package org.strata.server.web;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.strata.server.customer.CustomerDetail;
import org.strata.server.customer.CustomerMergedException;
import org.strata.server.customer.CustomerNotFoundException;
import org.strata.server.customer.CustomerProfileService;
import org.strata.server.dashboard.CustomerTierings;
import org.strata.server.dashboard.PublishedSchemes;
import org.strata.server.playbook.warning.Warnings;
import org.strata.server.scope.CustomerScope;

/**
 * The customer 360° page: profile, identifiers, order figures, churn warnings, one time line of orders, events and
 * tier moves, tags, pins and merges. Tags and pins are changed through the tiering API by the page's script.
 */
@Controller
class CustomerPage implements ConsolePage {

    private static final int MOVES_SHOWN = 100;

    private final CustomerProfileService profiles;
    private final CustomerTierings tierings;
    private final CustomerScope scope;
    private final Warnings warnings;
    private final PublishedSchemes schemes;

    CustomerPage(CustomerProfileService profiles, CustomerTierings tierings, CustomerScope scope, Warnings warnings,
                 PublishedSchemes schemes) {
        this.schemes = schemes;
        this.warnings = warnings;
        this.profiles = profiles;
        this.tierings = tierings;
        this.scope = scope;
    }

    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/customers/{id}")
    String customer(@PathVariable long id, Model model) {
        if (!scope.includes(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id);
        }
        CustomerDetail detail;
        try {
            detail = profiles.profileForCaller(id);
        } catch (CustomerMergedException merged) {
            // The absorbed record lives on in its survivor; the merge can be undone there.
            return "redirect:/customers/" + merged.survivorId();
        } catch (CustomerNotFoundException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + id);
        }
        model.addAttribute("section", "customers");
        model.addAttribute("c", detail);
        model.addAttribute("standings", tierings.standings(id));
        model.addAttribute("warnings", warnings.ofCustomer(id));
        model.addAttribute("timeline", CustomerTimeline.of(detail, tierings.moves(id, MOVES_SHOWN), schemes.all(),
                ConsoleLanguages.isEnglish(LocaleContextHolder.getLocale())));
        return "customer";
    }
}
