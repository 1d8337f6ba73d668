package org.strata.server.customer;

import org.strata.server.access.PersonalData;

import java.util.List;

/** The customer list and 360° record with personal data masked for callers who may not see it. */
final class MaskedCustomers {

    private MaskedCustomers() {
    }

    static CustomerPage page(CustomerPage page) {
        if (PersonalData.visible()) {
            return page;
        }
        List<CustomerListItem> items = page.items().stream().map(c -> new CustomerListItem(c.id(), c.externalId(),
                PersonalData.name(c.name(), c.type()), c.type(), PersonalData.phone(c.phone()),
                PersonalData.email(c.email()), c.ownerId(), c.ownerName(), c.teamId(), c.teamName(), c.industry(),
                c.region(), c.source(), c.createdAt(), c.orderCount(), c.totalSpent(), c.lastOrderAt())).toList();
        return new CustomerPage(items, page.page(), page.size(), page.sort(), page.hasNext(), page.total());
    }

    static CustomerDetail detail(CustomerDetail c) {
        if (PersonalData.visible()) {
            return c;
        }
        List<CustomerDetail.Identifier> identifiers = c.identifiers().stream()
                .map(i -> new CustomerDetail.Identifier(i.kind(), i.namespace(),
                        PersonalData.identifier(i.kind(), i.value()), i.originCustomerId())).toList();
        List<CustomerDetail.Merge> merges = c.merges().stream()
                .map(m -> new CustomerDetail.Merge(m.id(), m.survivorId(), m.absorbedId(), m.keyKind(),
                        PersonalData.identifier(m.keyKind(), m.keyValue()), m.mergedBy(), m.mergedAt(),
                        m.undoneBy(), m.undoneAt())).toList();
        return new CustomerDetail(c.id(), c.externalId(), PersonalData.name(c.name(), c.type()), c.type(),
                PersonalData.phone(c.phone()), PersonalData.email(c.email()), c.owner(), c.team(), c.industry(),
                c.region(), c.source(), c.createdAt(), c.updatedAt(), PersonalData.document(c.attributes()),
                c.mergedCustomerIds(), identifiers, c.orderSummary(), c.recentOrders(), timeline(c.timeline()), merges);
    }

    /** Event properties may hold contact details typed by staff or sent by a shop ("called from 138..."). */
    static TimelinePage timeline(TimelinePage page) {
        if (PersonalData.visible() || page == null) {
            return page;
        }
        return new TimelinePage(page.items().stream().map(e -> new TimelineEntry(e.kind(), e.id(), e.at(), e.type(),
                e.source(), e.reference(), e.amount(), PersonalData.document(e.properties()))).toList(),
                page.page(), page.size(), page.hasNext());
    }
}
