package org.strata.server.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.strata.server.access.TeamHierarchy;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the customer list. Every value is bound as a parameter; the only SQL text that varies is the set of
 * conditions present and the ORDER BY, which comes from {@link CustomerSort}'s whitelist.
 *
 * <p>Written for a million customers on PostgreSQL: absorbed customers are filtered by {@code merged_into IS NULL},
 * sorting by an order figure walks that figure's index in customer_figures (V12) and looks each customer up by its
 * key, a page is read as LIMIT size + 1 to learn whether another page exists without counting, and the text search
 * is {@link CustomerTextSearch}'s.
 */
@Repository
public class CustomerListRepository {

    private static final String COLUMNS = """
            c.id, c.external_id, c.name, c.type, c.phone, c.email, c.owner_id, u.display_name AS owner_name,
            c.team_id, t.name AS team_name, c.industry, c.region, c.source, c.created_at,
            f.order_count, f.total_spent, f.last_order_at""";

    private final JdbcClient jdbc;
    private final DisplayTime time;
    private final TeamHierarchy teams;
    private final CustomerScope scope;
    private final CustomerTextSearch textSearch;

    public CustomerListRepository(JdbcClient jdbc, DisplayTime time, TeamHierarchy teams, CustomerScope scope,
                                  CustomerTextSearch textSearch) {
        this.jdbc = jdbc;
        this.time = time;
        this.teams = teams;
        this.scope = scope;
        this.textSearch = textSearch;
    }

    public CustomerPage find(CustomerFilter filter, CustomerSort sort, int page, int size, boolean includeTotal) {
        boolean searching = filter.query() != null && !filter.query().isBlank();
        return textSearch.withPlansForTheText(searching, () -> read(filter, sort, page, size, includeTotal));
    }

    private CustomerPage read(CustomerFilter filter, CustomerSort sort, int page, int size, boolean includeTotal) {
        Where where = where(filter);
        String sql = "SELECT " + COLUMNS + " FROM customers c JOIN customer_figures f ON f.customer_id = c.id"
                + " LEFT JOIN users u ON u.id = c.owner_id LEFT JOIN teams t ON t.id = c.team_id"
                + " WHERE " + where.sql() + " ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset";
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size + 1);
        params.put("offset", (long) page * size);
        List<CustomerListItem> rows = jdbc.sql(sql).params(params).query(this::item).list();
        boolean hasNext = rows.size() > size;
        List<CustomerListItem> items = hasNext ? List.copyOf(rows.subList(0, size)) : rows;
        Long total = !includeTotal ? null
                // the last page (the usual case of a search) already tells how many there are
                : !hasNext && (page == 0 || !items.isEmpty()) ? (long) page * size + items.size() : count(where);
        return new CustomerPage(items, page, size, sort.parameter(), hasNext, total);
    }

    private long count(Where where) {
        return jdbc.sql("SELECT COUNT(*) FROM customers c WHERE " + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    private Where where(CustomerFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add("c.merged_into IS NULL");
        // Rows and the total alike: a customer outside the caller's data scope does not exist for them.
        ScopeCondition visible = scope.condition("c");
        conditions.add(visible.sql());
        params.putAll(visible.params());
        if (filter.query() != null && !filter.query().isBlank()) {
            CustomerTextSearch.Condition search = textSearch.matching("c", SearchTerm.of(filter.query()));
            conditions.add(search.sql());
            params.putAll(search.params());
        }
        if (filter.ownerId() != null) {
            conditions.add("c.owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.teamId() != null) {
            // A department's list includes the customers of its groups.
            Set<Long> teamIds = teams.withDescendants(filter.teamId());
            conditions.add("c.team_id IN (:teamIds)");
            params.put("teamIds", List.copyOf(teamIds));
        }
        addEquals(conditions, params, "industry", filter.industry());
        addEquals(conditions, params, "region", filter.region());
        addEquals(conditions, params, "type", filter.type());
        addEquals(conditions, params, "source", filter.source());
        return new Where(String.join(" AND ", conditions), params);
    }

    private static void addEquals(List<String> conditions, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            // column is one of the four literals above, never request text
            conditions.add("c." + column + " = :" + column);
            params.put(column, value.trim());
        }
    }

    private CustomerListItem item(ResultSet rs, int row) throws SQLException {
        return new CustomerListItem(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
                rs.getString("type"), rs.getString("phone"), rs.getString("email"),
                nullableLong(rs, "owner_id"), rs.getString("owner_name"), nullableLong(rs, "team_id"),
                rs.getString("team_name"), rs.getString("industry"), rs.getString("region"), rs.getString("source"),
                time.read(rs, "created_at"), rs.getInt("order_count"), rs.getBigDecimal("total_spent"),
                time.read(rs, "last_order_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
