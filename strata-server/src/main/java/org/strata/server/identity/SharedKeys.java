package org.strata.server.identity;

import org.strata.server.ingest.IdentityKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a first load of customers ({@link IntoEmptyCustomers}) does with the keys that several of its records bring,
 * decided as the staged bulk path decides it ({@link CustomerBulkLoader}) over a whole file of new customers:
 * <ol>
 *   <li>records whose own key (their first) a later record has as its own key too are folded away: the last one
 *       wins, and the earlier ones leave no customer and no key behind;</li>
 *   <li>of the records left, the first to bring a key stores it;</li>
 *   <li>every later record that brings it links its customer to the first one's, in the order of the file
 *       (record by record, key by key), which is the order {@link CustomerGroups} joins them in.</li>
 * </ol>
 * The input is every holder of every key met more than once, as the load found them: the first, whose key was copied
 * already, and the later ones, held back.
 */
final class SharedKeys {

    /** Which records fold away, the links between customers in file order, and the keys still to store. */
    record Resolution(Set<Long> folded, List<Link> links, List<Holder> toStore) {
    }

    /**
     * A record that has the key: its place in the file, the key's place among the record's keys, and whether the key
     * was copied for it already (only ever for the key's first holder in the file).
     */
    record Holder(IdentityKey key, long seq, int ord, boolean copied) {
    }

    /** A later holder of a key ({@code seq}, {@code ord}) and the record that stores the key ({@code firstSeq}). */
    record Link(long seq, int ord, IdentityKey key, long firstSeq) {
    }

    private static final Comparator<Holder> IN_FILE_ORDER = Comparator.comparingLong(Holder::seq)
            .thenComparingInt(Holder::ord);

    private SharedKeys() {
    }

    static Resolution resolve(Collection<Holder> holders) {
        Map<IdentityKey, List<Holder>> byKey = new LinkedHashMap<>();
        for (Holder holder : holders) {
            byKey.computeIfAbsent(holder.key(), k -> new ArrayList<>()).add(holder);
        }
        byKey.values().forEach(list -> list.sort(IN_FILE_ORDER));
        Set<Long> folded = new HashSet<>();
        for (List<Holder> ofKey : byKey.values()) {
            List<Holder> asOwnKey = ofKey.stream().filter(h -> h.ord() == 0).toList();
            for (int i = 0; i < asOwnKey.size() - 1; i++) {
                folded.add(asOwnKey.get(i).seq());
            }
        }
        List<Link> links = new ArrayList<>();
        List<Holder> toStore = new ArrayList<>();
        for (List<Holder> ofKey : byKey.values()) {
            List<Holder> left = ofKey.stream().filter(h -> !folded.contains(h.seq())).toList();
            if (left.isEmpty()) {
                continue;
            }
            Holder first = left.get(0);
            if (!first.copied()) {
                // its first holder was folded away, or the key was held back only because its fingerprint matched
                // another key's
                toStore.add(first);
            }
            for (Holder later : left.subList(1, left.size())) {
                links.add(new Link(later.seq(), later.ord(), later.key(), first.seq()));
            }
        }
        links.sort(Comparator.comparingLong(Link::seq).thenComparingInt(Link::ord));
        toStore.sort(IN_FILE_ORDER);
        return new Resolution(Set.copyOf(folded), List.copyOf(links), List.copyOf(toStore));
    }
}
