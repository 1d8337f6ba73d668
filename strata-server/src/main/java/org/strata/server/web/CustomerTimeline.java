package org.strata.server.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.strata.server.customer.CustomerDetail;
import org.strata.server.customer.TimelineEntry;
import org.strata.server.dashboard.CustomerTierings;
import org.strata.server.dashboard.PublishedSchemes.SchemeInfo;
import org.strata.server.dashboard.PublishedSchemes.TierInfo;

/** Orders, events and tier moves of one customer on a single time line, newest first. */
record CustomerTimeline(List<Item> items) {

    /**
     * @param kind   order, event or tiering
     * @param what   order status, event type, or ledger event (entered, left, pinned ...)
     * @param detail order number, event key, or "scheme: tier/tag" by their names in the reader's language
     * @param why    for tier moves: the feature values that decided it (JSON)
     */
    record Item(String kind, Instant at, String what, String detail, BigDecimal amount, String why) {
    }

    /** @param schemes the published schemes, whose names a tier move shows (a key when it has none any more) */
    static CustomerTimeline of(CustomerDetail detail, List<CustomerTierings.Move> moves, List<SchemeInfo> schemes,
                               boolean english) {
        List<Item> items = new ArrayList<>();
        for (TimelineEntry entry : detail.timeline().items()) {
            items.add(new Item(entry.kind(), entry.at().toInstant(), entry.type(), entry.reference(), entry.amount(),
                    null));
        }
        for (CustomerTierings.Move move : moves) {
            Optional<SchemeInfo> scheme = schemes.stream().filter(s -> s.key().equals(move.scheme())).findFirst();
            String target = move.tier() != null
                    ? scheme.flatMap(s -> named(s.tiers(), move.tier(), english)).orElse(move.tier())
                    : scheme.flatMap(s -> named(s.tags(), move.tag(), english)).orElse(move.tag());
            String schemeName = scheme.map(s -> english ? s.nameEn() : s.nameZh()).orElse(move.scheme());
            items.add(new Item("tiering", move.at(), move.event(), schemeName + ": " + target, null, move.why()));
        }
        items.sort(Comparator.comparing(Item::at).reversed());
        return new CustomerTimeline(List.copyOf(items));
    }

    private static Optional<String> named(List<TierInfo> tiers, String key, boolean english) {
        return tiers.stream().filter(t -> t.key().equals(key)).findFirst()
                .map(t -> english ? t.nameEn() : t.nameZh());
    }
}
