package org.strata.server.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The team hierarchy (华东销售部 → 上海一组 ...). Teams are few, so the tree is read whole per question. */
@Component
public class TeamTree {

    private final JdbcClient jdbc;

    public TeamTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team and every team below it, at any depth. An unknown id yields just itself (and so no customers). */
    public Set<Long> withDescendants(long teamId) {
        Map<Long, List<Long>> children = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM teams WHERE parent_id IS NOT NULL").query((rs, n) -> {
            children.computeIfAbsent(rs.getLong("parent_id"), k -> new ArrayList<>()).add(rs.getLong("id"));
            return null;
        }).list();
        Set<Long> result = new LinkedHashSet<>();
        ArrayDeque<Long> pending = new ArrayDeque<>(List.of(teamId));
        while (!pending.isEmpty()) {
            Long id = pending.poll();
            if (result.add(id)) {
                pending.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }
}
