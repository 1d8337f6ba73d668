package org.strata.server.identity;

import org.strata.server.scope.CustomerScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.tiering.CustomerDataChanged;

import java.util.List;
import java.util.Set;

/**
 * Undoing merges. An undone merge is not redone by later imports: the two customers are recorded in
 * identity_merge_blocks and identity resolution never joins the groups they belong to again, even when a record
 * carries keys of both (the record then stays with the customer its own id names, or the first key's owner).
 * A person can still merge them by hand later (not yet offered).
 */
@Service
public class MergeService {

    private final MergeLedger ledger;
    private final CustomerStatsRefresher stats;
    private final ApplicationEventPublisher events;
    private final CustomerScope scope;

    MergeService(MergeLedger ledger, CustomerStatsRefresher stats, ApplicationEventPublisher events,
                 CustomerScope scope) {
        this.scope = scope;
        this.ledger = ledger;
        this.stats = stats;
        this.events = events;
    }

    /** A merge is visible when both its customers are in the caller's scope; otherwise it does not exist for them. */
    public MergeRecord find(long mergeId) {
        return ledger.find(mergeId)
                .filter(m -> scope.includes(m.survivorId()) && scope.includes(m.absorbedId()))
                .orElseThrow(() -> new MergeNotFoundException(mergeId));
    }

    /** Merges in which the customer survived or was absorbed, oldest first. */
    public List<MergeRecord> mergesOf(long customerId) {
        return ledger.mergesOf(customerId);
    }

    @Transactional
    public MergeRecord undo(long mergeId, String undoneBy) {
        MergeRecord merge = find(mergeId);
        if (merge.undone()) {
            throw new MergeAlreadyUndoneException(merge);
        }
        MergeRecord undone = ledger.undo(merge, undoneBy);
        // Orders went back to the absorbed customer: both customers' list figures and tiers change.
        Set<Long> changed = Set.of(merge.survivorId(), merge.absorbedId());
        stats.refresh(changed);
        events.publishEvent(new CustomerDataChanged(changed));
        return undone;
    }
}
