package org.strata.server.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Teams form a tree: a department (a team without a parent) and the teams below it. Read whole on each question:
 * a company has tens of teams, and reading them fresh means a moved team counts at once.
 */
@Component
public class TeamHierarchy {

    private final JdbcClient jdbc;

    public TeamHierarchy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team and every team below it, at any depth. An unknown id yields just itself (and so no customers). */
    public Set<Long> withDescendants(long teamId) {
        Map<Long, List<Long>> children = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM teams").query(rs -> {
            long parent = rs.getLong(2);
            if (!rs.wasNull()) {
                children.computeIfAbsent(parent, p -> new java.util.ArrayList<>()).add(rs.getLong(1));
            }
        });
        Set<Long> found = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(teamId));
        while (!todo.isEmpty()) {
            long team = todo.pop();
            if (found.add(team)) {
                todo.addAll(children.getOrDefault(team, List.of()));
            }
        }
        return found;
    }

    /** The department a team belongs to: its top-most ancestor (itself when it has no parent). */
    public long departmentOf(long teamId) {
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM teams").query(rs -> {
            long parent = rs.getLong(2);
            if (!rs.wasNull()) {
                parents.put(rs.getLong(1), parent);
            }
        });
        long team = teamId;
        Set<Long> seen = new LinkedHashSet<>();
        while (parents.containsKey(team) && seen.add(team)) {
            team = parents.get(team);
        }
        return team;
    }
}
