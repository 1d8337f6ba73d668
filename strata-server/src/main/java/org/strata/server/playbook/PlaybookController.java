package org.strata.server.playbook;

import org.strata.server.access.Access;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Playbooks", description = "Triggers, filters, holdout shares and actions that act on tier changes")
@RestController
@Access(value = Permission.READ, customerScoped = true)
@RequestMapping("/api/v1/playbooks")
class PlaybookController {

    private final PlaybookService service;
    private final StayTriggers stays;
    private final PlaybookTime time;

    PlaybookController(PlaybookService service, StayTriggers stays, PlaybookTime time) {
        this.service = service;
        this.stays = stays;
        this.time = time;
    }

    record Fired(int entries) {
    }

    record Label(String code, String labelZh, String labelEn) {
    }

    record Vocabulary(List<Label> triggers, List<Label> actions) {
    }

    @Operation(summary = "Every playbook with its trigger and actions (secrets masked)")
    @GetMapping
    List<Playbook> list() {
        return service.list().stream().map(Playbook::masked).toList();
    }

    @Operation(summary = "Trigger and action kinds with their labels in Chinese and English")
    @GetMapping("/vocabulary")
    Vocabulary vocabulary() {
        return new Vocabulary(
                Arrays.stream(TriggerKind.values()).map(k -> new Label(k.code(), k.labelZh(), k.labelEn())).toList(),
                Arrays.stream(ActionKind.values()).map(k -> new Label(k.code(), k.labelZh(), k.labelEn())).toList());
    }

    @Operation(summary = "Create a playbook; mistakes are answered with the JSON pointer of the field")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "playbook.create")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Playbook create(@RequestBody PlaybookRequest request) {
        return service.create(request, CurrentUser.name()).masked();
    }

    @Operation(summary = "A playbook")
    @GetMapping("/{id}")
    Playbook get(@PathVariable long id) {
        return service.get(id).masked();
    }

    @Operation(summary = "Replace a playbook's trigger, filter, holdout and actions")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "playbook.update")
    @PutMapping("/{id}")
    Playbook update(@PathVariable long id, @RequestBody PlaybookRequest request) {
        return service.update(id, request).masked();
    }

    @Operation(summary = "Delete a playbook: it is switched off and no longer listed; what it already recorded is "
            + "still delivered, and its experiment report keeps its entries")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "playbook.delete")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id);
    }

    @Operation(summary = "Fire the 'stayed in a tier for N days' playbooks now (they also run every 15 minutes)")
    @Access(value = Permission.RUN, audit = "playbook.stays.check")
    @PostMapping("/stays/check")
    Fired checkStays() {
        return new Fired(stays.fire(time.now()));
    }

    @Operation(summary = "Switch a playbook on")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "playbook.enable")
    @PostMapping("/{id}/enable")
    Playbook enable(@PathVariable long id) {
        return service.enable(id, true).masked();
    }

    @Operation(summary = "Switch a playbook off (what it already recorded is still delivered)")
    @Access(value = Permission.MANAGE_PLAYBOOKS, audit = "playbook.disable")
    @PostMapping("/{id}/disable")
    Playbook disable(@PathVariable long id) {
        return service.enable(id, false).masked();
    }
}
