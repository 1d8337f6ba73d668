package org.strata.server.tiering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.strata.server.scope.CustomerScope;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.engine.scheme.TieringScheme;

/**
 * Pins and unpins customers. A pin takes effect at once (the customer moves to the pinned tier with a ledger entry)
 * and runs honour it until it expires; pin and unpin are ledger events themselves.
 */
@Service
class PinService {

    private final SchemeStore schemes;
    private final PinStore pins;
    private final MembershipStore memberships;
    private final JdbcClient jdbc;
    private final TieringTime time;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;
    private final SchemeLocks locks;
    private final TransactionTemplate transaction;

    PinService(SchemeStore schemes, PinStore pins, MembershipStore memberships, JdbcClient jdbc, TieringTime time,
               CustomerScope scope, ApplicationEventPublisher events, SchemeLocks locks,
               PlatformTransactionManager transactions) {
        this.schemes = schemes;
        this.pins = pins;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.time = time;
        this.scope = scope;
        this.events = events;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Pins under the scheme's lock, committed before the lock is released: a run in progress must not plan with the
     * memberships it read before this pin, nor this pin read a membership a run is about to write.
     */
    PinStore.Pin pin(String schemeKey, long customerId, String tier, String reason, Instant expiresAt, String by) {
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        return locks.exclusively(stored.id(), () -> transaction.execute(status ->
                pinLocked(stored, customerId, tier, reason, expiresAt, by)));
    }

    private PinStore.Pin pinLocked(SchemeStore.StoredScheme stored, long customerId, String tier, String reason,
                                   Instant expiresAt, String by) {
        String schemeKey = stored.key();
        SchemeStore.SchemeVersion version = schemes.published(stored);
        TieringScheme scheme = version.scheme();
        if (scheme.tier(tier).isEmpty()) {
            throw new TieringBadRequestException("scheme '" + schemeKey + "' (version " + version.version()
                    + ") has no tier '" + tier + "'; its tiers are " + scheme.allTiers().stream()
                    .map(t -> t.key()).toList());
        }
        if (reason == null || reason.isBlank()) {
            throw new TieringBadRequestException("a pin needs a reason, so others know why the customer stays put");
        }
        Instant now = time.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new TieringBadRequestException("expiresAt " + expiresAt + " is not in the future");
        }
        requireCustomer(customerId);
        ActivePin previous = pins.active(stored.id(), List.of(customerId)).get(customerId);
        List<Object[]> ledger = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        if (previous != null) {
            pins.end(previous.id(), now, by);
            ledger.add(memberships.ledgerRow(stored.id(), customerId, "unpinned", previous.tier(), null, at,
                    version.version(), null, by, Map.of("pin_id", previous.id(), "reason", "replaced by a new pin")));
        }
        long pinId = pins.insert(stored.id(), customerId, tier, reason, by, now, expiresAt);
        ActivePin pin = new ActivePin(pinId, customerId, tier, reason, by, expiresAt);
        ledger.add(memberships.ledgerRow(stored.id(), customerId, "pinned", tier, null, at, version.version(), null,
                by, pin.why()));
        memberships.appendLedger(ledger);
        String current = currentTier(stored.id(), customerId);
        if (!tier.equals(current)) {
            RunPlan plan = new RunPlan();
            plan.moves.add(new RunPlan.Move(customerId, current, tier, pin.why()));
            memberships.write(stored.id(), version.version(), null, plan, now, by);
        }
        events.publishEvent(TieringChangesWritten.byHand(stored.id(), stored.key(), customerId, now));
        return pins.find(stored.id(), pinId).orElseThrow();
    }

    @Transactional
    PinStore.Pin unpin(String schemeKey, long pinId, String by) {
        SchemeStore.StoredScheme stored = schemes.get(schemeKey);
        // A pin of a customer outside the caller's scope answers as a pin that does not exist.
        PinStore.Pin pin = pins.find(stored.id(), pinId).filter(p -> scope.includes(p.customerId()))
                .orElseThrow(() -> new TieringNotFoundException("scheme '" + schemeKey + "' has no pin " + pinId));
        if (pin.endedAt() != null) {
            throw new TieringConflictException("pin " + pinId + " already ended at " + pin.endedAt());
        }
        Instant now = time.now();
        pins.end(pinId, now, by);
        memberships.appendLedger(List.<Object[]>of(memberships.ledgerRow(stored.id(), pin.customerId(), "unpinned",
                pin.tier(), null, Timestamp.from(now), stored.publishedVersion(), null, by,
                Map.of("pin_id", pinId, "reason", "unpinned by " + by))));
        return pins.find(stored.id(), pinId).orElseThrow();
    }

    List<PinStore.Pin> list(String schemeKey, boolean includeEnded) {
        return pins.list(schemes.get(schemeKey).id(), includeEnded).stream()
                .filter(pin -> scope.includes(pin.customerId())).map(PinStore.Pin::forCaller).toList();
    }

    private String currentTier(long schemeId, long customerId) {
        return jdbc.sql("SELECT tier_key FROM tiering_memberships WHERE scheme_id = ? AND customer_id = ?")
                .params(schemeId, customerId).query(String.class).optional().orElse(null);
    }

    private void requireCustomer(long customerId) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM customers WHERE id = ? AND merged_into IS NULL")
                .param(customerId).query(Integer.class).single() > 0 && scope.includes(customerId);
        if (!exists) {
            throw new TieringNotFoundException("no customer " + customerId + " (or it was merged into another)");
        }
    }
}
