package org.strata.server.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.delivery.DeliveryPayloads;
import org.strata.server.playbook.delivery.DeliveryStore;
import org.strata.server.playbook.delivery.DeliveryView;

/**
 * The outbox for the people who run playbooks (as the deliveries API: MANAGE_PLAYBOOKS, within their data scope):
 * every delivery with its status and attempts, one delivery with every attempt and what it sends, and the dead
 * letters, which the pages' scripts replay through the API (so each replay is audited there).
 */
@Controller
class DeliveryPages implements ConsolePage {

    private static final int PAGE_SIZE = 50;

    private final DeliveryStore deliveries;
    private final DeliveryPayloads payloads;

    DeliveryPages(DeliveryStore deliveries, DeliveryPayloads payloads) {
        this.deliveries = deliveries;
        this.payloads = payloads;
    }

    @Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true)
    @GetMapping("/deliveries")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Long playbook, @RequestParam(defaultValue = "0") int page,
                Model model) {
        // values a hand-edited address may carry that are not filters are ignored, not refused
        DeliveryStore.Filter filter = new DeliveryStore.Filter(
                status != null && DeliveryStore.Filter.STATUSES.contains(status) ? status : null,
                Arrays.stream(ActionKind.values()).anyMatch(k -> k.code().equals(kind)) ? kind : null, playbook, null);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", DeliveryStore.Filter.STATUSES);
        model.addAttribute("kinds", Arrays.stream(ActionKind.values()).map(ActionKind::code).toList());
        model.addAttribute("playbooks", deliveries.playbooks());
        model.addAttribute("query", query(filter));
        return page("deliveries", deliveries.list(filter, Math.max(page, 0), PAGE_SIZE + 1), page, model);
    }

    @Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true)
    @GetMapping("/deliveries/dead-letters")
    String deadLetters(@RequestParam(defaultValue = "0") int page, Model model) {
        DeliveryStore.Filter dead = new DeliveryStore.Filter("dead", null, null, null);
        return page("dead-letters", deliveries.list(dead, Math.max(page, 0), PAGE_SIZE + 1), page, model);
    }

    @Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true)
    @GetMapping("/deliveries/{id}")
    String delivery(@PathVariable long id, Model model) {
        DeliveryView delivery = deliveries.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + id));
        model.addAttribute("section", "deliveries");
        model.addAttribute("d", delivery);
        model.addAttribute("attempts", deliveries.attempts(id));
        model.addAttribute("payload", payloads.of(id).orElse(""));
        return "delivery";
    }

    /** One page of rows: {@code rows} holds one more than a page when there is a next one. */
    private String page(String view, List<DeliveryView> rows, int page, Model model) {
        model.addAttribute("section", "deliveries");
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("deadLetters", deliveries.deadLetters());
        return view;
    }

    private static String query(DeliveryStore.Filter filter) {
        StringBuilder query = new StringBuilder();
        if (filter.status() != null) {
            query.append("status=").append(filter.status()).append('&');
        }
        if (filter.kind() != null) {
            query.append("kind=").append(filter.kind()).append('&');
        }
        if (filter.playbook() != null) {
            query.append("playbook=").append(filter.playbook()).append('&');
        }
        return query.toString();
    }
}
