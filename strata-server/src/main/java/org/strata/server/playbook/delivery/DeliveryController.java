package org.strata.server.playbook.delivery;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.ActionKind;
import org.strata.server.playbook.PlaybookBadRequestException;
import org.strata.server.playbook.PlaybookConflictException;
import org.strata.server.playbook.PlaybookNotFoundException;
import org.strata.server.playbook.PlaybookTime;

@Tag(name = "Deliveries", description = "The outbox of playbook actions: status, attempts, dead letters and replay")
@RestController
@Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true)
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final PlaybookTime time;

    DeliveryController(DeliveryStore store, DeliveryWorker worker, PlaybookTime time) {
        this.store = store;
        this.worker = worker;
        this.time = time;
    }

    record DeliveryDetail(DeliveryView delivery, List<DeliveryView.Attempt> attempts) {
    }

    record Replayed(int replayed) {
    }

    /** @param ids the dead letters to replay; absent or null: every dead letter in the caller's scope */
    record ReplayRequest(List<Long> ids) {
    }

    @Operation(summary = "Deliveries, newest first; status = pending, retrying (pending after a failed attempt), "
            + "delivered, dead, skipped; kind = an action kind (webhook, task ...)")
    @GetMapping
    List<DeliveryView> list(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String kind,
                            @RequestParam(required = false) Long playbook,
                            @RequestParam(required = false) Long customer,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (status != null && !DeliveryStore.Filter.STATUSES.contains(status)) {
            throw new PlaybookBadRequestException("status", "'" + status + "' is not one of "
                    + DeliveryStore.Filter.STATUSES);
        }
        if (kind != null) {
            ActionKind.of(kind, "kind");
        }
        return store.list(new DeliveryStore.Filter(status, kind, playbook, customer), Math.max(page, 0),
                Math.min(Math.max(size, 1), 500));
    }

    @Operation(summary = "Dead letters: deliveries that failed for good or were retried for the whole retry window")
    @GetMapping("/dead-letters")
    List<DeliveryView> deadLetters(@RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return list("dead", null, null, null, page, size);
    }

    @Operation(summary = "A delivery with every attempt")
    @GetMapping("/{id}")
    DeliveryDetail get(@PathVariable long id) {
        DeliveryView view = store.find(id).orElseThrow(() -> new PlaybookNotFoundException("no delivery " + id));
        return new DeliveryDetail(view, store.attempts(id));
    }

    @Operation(summary = "Replay one dead letter: it is due again at once, with a fresh retry window")
    @Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true, audit = "delivery.replay")
    @PostMapping("/{id}/replay")
    Replayed replay(@PathVariable long id) {
        get(id);
        int replayed = store.replay(List.of(id), time.now());
        if (replayed == 0) {
            throw new PlaybookConflictException("delivery " + id + " is not a dead letter");
        }
        worker.wakeUp();
        return new Replayed(replayed);
    }

    @Operation(summary = "Replay dead letters: those of the body's ids, or every one in the caller's scope without "
            + "a body; answers how many were put back in line (a delivery that is no longer dead is left alone)")
    @Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true, audit = "delivery.replay")
    @PostMapping("/dead-letters/replay")
    Replayed replaySome(@RequestBody(required = false) ReplayRequest request) {
        List<Long> ids = request == null ? null : request.ids();
        int replayed = store.replay(ids, time.now());
        worker.wakeUp();
        return new Replayed(replayed);
    }
}
