package org.strata.server.customer;

import org.springframework.stereotype.Service;
import org.strata.server.scope.CustomerScope;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Assembles the customer 360° record from its parts, for a surviving customer and everyone merged into it. */
@Service
public class CustomerProfileService {

    static final int RECENT_ORDERS = 20;
    static final int TIMELINE_PAGE = 50;

    private final CustomerDetailRepository details;
    private final MergedCustomers merged;
    private final CustomerScope scope;

    public CustomerProfileService(CustomerDetailRepository details, MergedCustomers merged, CustomerScope scope) {
        this.details = details;
        this.merged = merged;
        this.scope = scope;
    }

    /**
     * @throws CustomerNotFoundException when no customer has the id
     * @throws CustomerMergedException when the customer was absorbed; it names the survivor
     */
    @Transactional(readOnly = true)
    public CustomerDetail profile(long id) {
        List<Long> members = survivingMembers(id);
        CustomerDetail customer = details.customer(id).orElseThrow(() -> new CustomerNotFoundException(id));
        return new CustomerDetail(customer.id(), customer.externalId(), customer.name(), customer.type(),
                customer.phone(), customer.email(), customer.owner(), customer.team(), customer.industry(),
                customer.region(), customer.source(), customer.createdAt(), customer.updatedAt(),
                customer.attributes(), members.subList(1, members.size()), details.identifiers(members),
                details.orderSummary(members), details.recentOrders(members, RECENT_ORDERS),
                details.timeline(members, 0, TIMELINE_PAGE), details.merges(members));
    }

    /** {@link #profile} as the caller may see it: personal data masked without the permission to see it. */
    @Transactional(readOnly = true)
    public CustomerDetail profileForCaller(long id) {
        return MaskedCustomers.detail(profile(id));
    }

    @Transactional(readOnly = true)
    public TimelinePage timeline(long id, int page, int size) {
        return details.timeline(survivingMembers(id), page, size);
    }

    /** Out of the caller's scope answers exactly as a missing id does, so ids cannot be probed. */
    private List<Long> survivingMembers(long id) {
        if (!scope.includes(id)) {
            throw new CustomerNotFoundException(id);
        }
        long survivor = merged.survivorOf(id).orElseThrow(() -> new CustomerNotFoundException(id));
        if (survivor != id && !scope.includes(survivor)) {
            throw new CustomerNotFoundException(id);
        }
        if (survivor != id) {
            throw new CustomerMergedException(id, survivor);
        }
        return merged.membersOf(id);
    }
}
