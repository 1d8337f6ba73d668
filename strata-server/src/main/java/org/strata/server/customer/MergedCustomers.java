package org.strata.server.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows {@code customers.merged_into}. A survivor's orders and events include those of every customer merged into
 * it, at any depth: a merge keeps the absorbed row (so it can be undone) and need not move its orders.
 */
@Component
public class MergedCustomers {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    public MergedCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The surviving customer this id now belongs to (itself when not merged); empty when the id does not exist. */
    public Optional<Long> survivorOf(long customerId) {
        long current = customerId;
        Set<Long> seen = new HashSet<>(List.of(current));
        while (true) {
            Optional<Optional<Long>> mergedInto = jdbc.sql("SELECT merged_into FROM customers WHERE id = :id")
                    .param("id", current)
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class)))
                    .optional();
            if (mergedInto.isEmpty()) {
                return Optional.empty();
            }
            if (mergedInto.get().isEmpty()) {
                return Optional.of(current);
            }
            current = mergedInto.get().get();
            if (!seen.add(current)) {
                throw new IllegalStateException("merged_into forms a cycle through customer " + customerId);
            }
        }
    }

    /** For each given survivor: itself followed by every customer merged into it, directly or through others. */
    public Map<Long, List<Long>> membersOf(Collection<Long> survivors) {
        Map<Long, Long> rootOf = new HashMap<>();
        Map<Long, List<Long>> members = new LinkedHashMap<>();
        for (Long survivor : survivors) {
            rootOf.put(survivor, survivor);
            members.computeIfAbsent(survivor, k -> new ArrayList<>()).add(survivor);
        }
        List<Long> frontier = new ArrayList<>(members.keySet());
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (int from = 0; from < frontier.size(); from += CHUNK) {
                List<Long> chunk = frontier.subList(from, Math.min(frontier.size(), from + CHUNK));
                jdbc.sql("SELECT id, merged_into FROM customers WHERE merged_into IN (:ids)").param("ids", chunk)
                        .query((rs, n) -> {
                            long id = rs.getLong(1);
                            long root = rootOf.get(rs.getLong(2));
                            if (rootOf.putIfAbsent(id, root) == null) {
                                members.get(root).add(id);
                                next.add(id);
                            }
                            return null;
                        }).list();
            }
            frontier = next;
        }
        return members;
    }

    public List<Long> membersOf(long survivor) {
        return membersOf(List.of(survivor)).get(survivor);
    }
}
