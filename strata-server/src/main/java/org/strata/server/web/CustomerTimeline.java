package org.strata.server.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.strata.server.customer.CustomerDetail;
import org.strata.server.customer.TimelineEntry;
import org.strata.server.dashboard.CustomerTierings;

/** Orders, events and tier moves of one customer on a single time line, newest first. */
record CustomerTimeline(List<Item> items) {

    /**
     * @param kind   order, event or tiering
     * @param what   order status, event type, or ledger event (entered, left, pinned ...)
     * @param detail order number, event key, or "scheme: tier/tag"
     * @param why    for tier moves: the feature values that decided it (JSON)
     */
    record Item(String kind, Instant at, String what, String detail, BigDecimal amount, String why) {
    }

    static CustomerTimeline of(CustomerDetail detail, List<CustomerTierings.Move> moves) {
        List<Item> items = new ArrayList<>();
        for (TimelineEntry entry : detail.timeline().items()) {
            items.add(new Item(entry.kind(), entry.at().toInstant(), entry.type(), entry.reference(), entry.amount(),
                    null));
        }
        for (CustomerTierings.Move move : moves) {
            String target = move.tier() != null ? move.tier() : move.tag();
            items.add(new Item("tiering", move.at(), move.event(), move.scheme() + ": " + target, null, move.why()));
        }
        items.sort(Comparator.comparing(Item::at).reversed());
        return new CustomerTimeline(List.copyOf(items));
    }
}
