package org.strata.server.tiering;

import org.strata.server.access.Access;
import org.strata.server.access.Permission;
import org.strata.server.access.CurrentUser;
import org.strata.server.scope.CustomerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tiering runs", description = "Runs, memberships, the ledger, as-of queries and pins")
@RestController
@RequestMapping("/api/v1/tiering")
class RunController {

    private static final int MAX_PAGE_SIZE = 1_000;

    private final TieringRunner runner;
    private final RunStore runs;
    private final SchemeStore schemes;
    private final LedgerQueries ledger;
    private final PinService pins;
    private final ManualTagService tags;
    private final CustomerScope scope;
    private final RunCountsInScope countsInScope;

    RunController(TieringRunner runner, RunStore runs, SchemeStore schemes, LedgerQueries ledger, PinService pins,
                  ManualTagService tags, CustomerScope scope, RunCountsInScope countsInScope) {
        this.scope = scope;
        this.countsInScope = countsInScope;
        this.runner = runner;
        this.runs = runs;
        this.schemes = schemes;
        this.ledger = ledger;
        this.pins = pins;
        this.tags = tags;
    }

    /** @param asOf the day features are computed for; today (business time zone) when absent */
    record RunRequest(LocalDate asOf) {
    }

    record PinRequest(long customerId, String tier, String reason, Instant expiresAt) {
    }

    record MembershipPage(String scheme, Map<String, Long> counts, LedgerQueries.Page<LedgerQueries.Member> page) {
    }

    record CustomerTiering(String scheme, long customerId, List<LedgerQueries.TierPeriod> timeline,
                           List<String> tags, List<LedgerQueries.LedgerEntry> ledger) {
    }

    record MembersOn(String scheme, String tier, LocalDate date, LedgerQueries.Page<Long> customers) {
    }

    @Operation(summary = "Run the published version of a scheme now; writes only changes, all or nothing")
    @Access(value = Permission.RUN, customerScoped = true, audit = "tiering.run")
    @PostMapping("/schemes/{key}/runs")
    @ResponseStatus(HttpStatus.CREATED)
    TieringRun run(@PathVariable String key, @RequestBody(required = false) RunRequest request) {
        return forCaller(List.of(runner.runAll(key, RunTrigger.MANUAL, request == null ? null : request.asOf())))
                .get(0);
    }

    @Operation(summary = "Run history of a scheme, newest first, with duration and counts moved (over the caller's "
            + "customers when their data scope is narrowed)")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/schemes/{key}/runs")
    List<TieringRun> history(@PathVariable String key, @RequestParam(defaultValue = "50") int limit) {
        return forCaller(runs.history(schemes.get(key).id(), Math.min(Math.max(limit, 1), MAX_PAGE_SIZE)));
    }

    @Operation(summary = "One run (counts over the caller's customers when their data scope is narrowed)")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/runs/{id}")
    TieringRun getRun(@PathVariable long id) {
        return forCaller(List.of(storedRun(id))).get(0);
    }

    @Operation(summary = "The ledger rows a run wrote (entries, exits, tags), with why")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/runs/{id}/changes")
    List<LedgerQueries.LedgerEntry> runChanges(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        storedRun(id);
        return ledger.runLedger(id, Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    @Operation(summary = "Current members of a scheme, optionally of one tier, paged; with counts per tier")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/schemes/{key}/memberships")
    MembershipPage memberships(@PathVariable String key, @RequestParam(required = false) String tier,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        long schemeId = schemes.get(key).id();
        return new MembershipPage(key, ledger.counts(schemeId),
                ledger.members(schemeId, tier, Math.max(page, 0), pageSize(size)));
    }

    @Operation(summary = "Who was in a tier at the end of a day (as-of query over the ledger)")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/schemes/{key}/tiers/{tier}/members")
    MembersOn membersOn(@PathVariable String key, @PathVariable String tier,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return new MembersOn(key, tier, date,
                ledger.membersOn(schemes.get(key).id(), tier, date, Math.max(page, 0), pageSize(size)));
    }

    @Operation(summary = "A customer's tier time line, tags and full ledger in a scheme")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/schemes/{key}/customers/{customerId}")
    CustomerTiering customer(@PathVariable String key, @PathVariable long customerId) {
        long schemeId = schemes.get(key).id();
        if (!scope.includes(customerId)) {
            throw new TieringNotFoundException("no customer " + customerId);
        }
        return new CustomerTiering(key, customerId, ledger.timeline(schemeId, customerId),
                ledger.tags(schemeId, customerId), ledger.ledger(schemeId, customerId));
    }

    @Operation(summary = "Pin a customer to a tier with a reason and an optional expiry; takes effect at once")
    @Access(value = Permission.PIN, customerScoped = true, audit = "tiering.pin")
    @PostMapping("/schemes/{key}/pins")
    @ResponseStatus(HttpStatus.CREATED)
    PinStore.Pin pin(@PathVariable String key, @RequestBody PinRequest request) {
        return pins.pin(key, request.customerId(), request.tier(), request.reason(), request.expiresAt(),
                CurrentUser.name());
    }

    @Operation(summary = "Pins of a scheme (active only unless all=true)")
    @Access(value = Permission.READ, customerScoped = true)
    @GetMapping("/schemes/{key}/pins")
    List<PinStore.Pin> pins(@PathVariable String key, @RequestParam(defaultValue = "false") boolean all) {
        return pins.list(key, all);
    }

    @Operation(summary = "End a pin; the next run places the customer by the rules again")
    @Access(value = Permission.PIN, customerScoped = true, audit = "tiering.unpin")
    @DeleteMapping("/schemes/{key}/pins/{pinId}")
    PinStore.Pin unpin(@PathVariable String key, @PathVariable long pinId) {
        return pins.unpin(key, pinId, CurrentUser.name());
    }

    @Operation(summary = "Give a customer a manual tag of the scheme (a tag declared without a rule)")
    @Access(value = Permission.PIN, customerScoped = true, audit = "tiering.tag")
    @PutMapping("/schemes/{key}/customers/{customerId}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void giveTag(@PathVariable String key, @PathVariable long customerId, @PathVariable String tag) {
        tags.give(key, customerId, tag, CurrentUser.name());
    }

    @Operation(summary = "Take a manual tag away from a customer")
    @Access(value = Permission.PIN, customerScoped = true, audit = "tiering.untag")
    @DeleteMapping("/schemes/{key}/customers/{customerId}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void takeTag(@PathVariable String key, @PathVariable long customerId, @PathVariable String tag) {
        tags.take(key, customerId, tag, CurrentUser.name());
    }

    private TieringRun storedRun(long id) {
        return runs.find(id).orElseThrow(() -> new TieringNotFoundException("no run " + id));
    }

    /** Company-wide counts for those who see every customer; counts over their own customers for everyone else. */
    private List<TieringRun> forCaller(List<TieringRun> stored) {
        return countsInScope.forCaller(stored, TieringRun::key, TieringRun::inScope);
    }

    private static int pageSize(int size) {
        return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
    }
}
