package org.strata.server.playbook.experiment;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.PlaybookBadRequestException;
import org.strata.server.playbook.PlaybookTime;

@Tag(name = "Experiments", description = "Treated vs held-out entrants of a playbook, or two tiers of two schemes, "
        + "on conversion, revenue per customer and retention, with confidence intervals and significance tests")
@RestController
@Access(value = Permission.READ, customerScoped = true)
@RequestMapping("/api/v1/experiments")
class ExperimentController {

    private final ExperimentService service;
    private final PlaybookTime time;

    ExperimentController(ExperimentService service, PlaybookTime time) {
        this.service = service;
        this.time = time;
    }

    @Operation(summary = "A playbook's treated entrants against its held-out ones")
    @GetMapping("/playbooks/{id}")
    ExperimentReport playbook(@PathVariable long id, @RequestParam(defaultValue = "30") int days,
                              @RequestParam(defaultValue = "0.95") double confidence) {
        return service.playbook(id, days, confidence, time.now());
    }

    @Operation(summary = "Two tiering schemes by outcome: members of tier a (scheme:tier) against members of tier b, "
            + "each from the time they entered")
    @GetMapping("/schemes")
    ExperimentReport schemes(@RequestParam String a, @RequestParam String b,
                             @RequestParam(defaultValue = "30") int days,
                             @RequestParam(defaultValue = "0.95") double confidence) {
        String[] first = schemeTier(a, "a");
        String[] second = schemeTier(b, "b");
        return service.tiers(first[0], first[1], second[0], second[1], days, confidence, time.now());
    }

    private static String[] schemeTier(String value, String parameter) {
        String[] parts = value.split(":", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new PlaybookBadRequestException(parameter, "'" + value + "' is not scheme:tier, e.g. rfm:champions");
        }
        return parts;
    }
}
