package org.strata.server.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.strata.server.sql.SqlDialect;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Owners and teams named in imported customers. An owner or team that does not exist yet is created (user name or
 * team code as its display name), so that a customer list exported from a CRM keeps its owners; sign-in comes later.
 */
@Repository
class OwnerDirectory {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    OwnerDirectory(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    Map<String, Long> userIds(Collection<String> usernames) {
        return idsOf("users", "username", "display_name", usernames);
    }

    Map<String, Long> teamIds(Collection<String> codes) {
        return idsOf("teams", "code", "name", codes);
    }

    private Map<String, Long> idsOf(String table, String keyColumn, String nameColumn, Collection<String> keys) {
        Set<String> wanted = keys.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Long> ids = new HashMap<>();
        if (wanted.isEmpty()) {
            return ids;
        }
        String select = "SELECT " + keyColumn + ", id FROM " + table + " WHERE " + dialect.inArray(keyColumn, "VARCHAR");
        jdbc.query(select, rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        }, new SqlArrayValue("varchar", wanted.toArray()));
        wanted.removeAll(ids.keySet());
        if (!wanted.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + keyColumn + ", " + nameColumn + ") VALUES (?, ?)",
                    wanted.stream().map(key -> new Object[] {key, key}).toList());
            jdbc.query(select, rs -> {
                ids.put(rs.getString(1), rs.getLong(2));
            }, new SqlArrayValue("varchar", wanted.toArray()));
        }
        return ids;
    }
}
