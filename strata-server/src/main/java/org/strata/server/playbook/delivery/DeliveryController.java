package org.strata.server.playbook.delivery;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.strata.server.playbook.PlaybookBadRequestException;
import org.strata.server.playbook.PlaybookConflictException;
import org.strata.server.playbook.PlaybookNotFoundException;
import org.strata.server.playbook.PlaybookTime;

@Tag(name = "Deliveries", description = "The outbox of playbook actions: status, attempts, dead letters and replay")
@RestController
@Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true)
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead", "skipped");

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

    @Operation(summary = "Deliveries, newest first; status = pending, delivered, dead, skipped")
    @GetMapping
    List<DeliveryView> list(@RequestParam(required = false) String status,
                            @RequestParam(required = false) Long playbook,
                            @RequestParam(required = false) Long customer,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw new PlaybookBadRequestException("status", "'" + status + "' is not one of " + STATUSES);
        }
        return store.list(status, playbook, customer, Math.max(page, 0), Math.min(Math.max(size, 1), 500));
    }

    @Operation(summary = "Dead letters: deliveries that failed for good or were retried for the whole retry window")
    @GetMapping("/dead-letters")
    List<DeliveryView> deadLetters(@RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return list("dead", null, null, page, size);
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
        int replayed = store.replay(id, time.now());
        if (replayed == 0) {
            throw new PlaybookConflictException("delivery " + id + " is not a dead letter");
        }
        worker.wakeUp();
        return new Replayed(replayed);
    }

    @Operation(summary = "Replay every dead letter")
    @Access(value = Permission.MANAGE_PLAYBOOKS, customerScoped = true, audit = "delivery.replay")
    @PostMapping("/dead-letters/replay")
    Replayed replayAll() {
        int replayed = store.replay(null, time.now());
        worker.wakeUp();
        return new Replayed(replayed);
    }
}
