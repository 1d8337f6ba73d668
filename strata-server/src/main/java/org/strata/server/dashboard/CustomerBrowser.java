package org.strata.server.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.strata.server.access.PersonalData;
import org.strata.server.customer.CustomerTextSearch;
import org.strata.server.customer.SearchTerm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/**
 * The console's customer list: the customer list's filters plus the tier, tag and lifecycle stage of published
 * schemes, within the caller's scope. A page is read as LIMIT size + 1 (whether a next page exists, without counting
 * a million rows); sorting uses the indexed statistics columns. Exports stream the same query without a limit.
 */
@Repository
public class CustomerBrowser {

    public static final String LIFECYCLE_SCHEME = "lifecycle";
    public static final List<String> SORTS = List.of("total_spent", "order_count", "last_order_at", "created_at", "name");
    private static final int EXPORT_FETCH_SIZE = 2_000;

    /** A filtered view counts its customers up to this many; more are shown as "more than". */
    static final int COUNTED_AT_MOST = 10_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final CustomerScope scope;
    private final PublishedSchemes schemes;
    private final CustomerTextSearch textSearch;
    private final DashboardFigures figures;

    CustomerBrowser(JdbcClient jdbc, DataSource dataSource, CustomerScope scope, PublishedSchemes schemes,
                    CustomerTextSearch textSearch, DashboardFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.schemes = schemes;
        this.textSearch = textSearch;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size only inside a transaction (see export), otherwise it reads everything.
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.scope = scope;
    }

    public record Row(long id, String externalId, String name, String type, String phone, String ownerName,
                      String region, String industry, int orderCount, BigDecimal totalSpent, Instant lastOrderAt,
                      Instant createdAt, String tier) {
    }

    public record Page(List<Row> rows, int page, int size, boolean hasNext) {
    }

    public record Owner(long id, String name) {
    }

    /** @param atLeast the view holds more customers than {@code customers}, which is where counting stopped */
    public record Total(long customers, boolean atLeast) {
    }

    /**
     * How many customers the view holds. Views by owner and at most one of tier and lifecycle stage are counted
     * exactly from the dashboard's pre-aggregated tier sizes (a stage is a tier of the lifecycle scheme) while they
     * are built; any other filter counts matching customers, stopping after {@value #COUNTED_AT_MOST} so that a broad
     * text or region filter over a million customers stays fast.
     */
    public Total total(CustomerBrowseFilter filter) {
        return textSearch.withPlansForTheText(CustomerBrowseFilter.given(filter.q()), () -> count(filter));
    }

    /** The view's total when {@code shown} is a page of it: its last page tells the total without counting. */
    public Total total(CustomerBrowseFilter filter, Page shown) {
        if (!shown.hasNext() && (shown.page() == 0 || !shown.rows().isEmpty())) {
            return new Total((long) shown.page() * shown.size() + shown.rows().size(), false);
        }
        return total(filter);
    }

    private Total count(CustomerBrowseFilter filter) {
        Long schemeId = CustomerBrowseFilter.given(filter.scheme()) ? schemeId(filter.scheme()) : null;
        Optional<TierSize> size = scope.readsOwnerAndTeamOnly() && figures.built() ? preAggregated(filter, schemeId)
                : Optional.empty();
        if (size.isPresent()) {
            ScopeCondition scoped = scope.condition("a");
            Map<String, Object> params = new HashMap<>(scoped.params());
            params.put("scheme", size.get().schemeId());
            params.put("tier", size.get().tierKey());
            params.put("owner", filter.owner());
            return new Total(jdbc.sql("SELECT COALESCE(SUM(a.customers), 0) FROM dashboard_activity a"
                            + " WHERE a.scheme_id = :scheme AND a.tier_key = :tier AND a.month_no IS NULL AND "
                            + scoped.sql() + (filter.owner() == null ? "" : " AND a.owner_id = :owner"))
                    .params(params).query(Long.class).single(), false);
        }
        Query query = query(filter);
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT c.id" + query.from() + " LIMIT "
                        + (COUNTED_AT_MOST + 1) + ") v")
                .params(query.params()).query(Long.class).single();
        return counted > COUNTED_AT_MOST ? new Total(COUNTED_AT_MOST, true) : new Total(counted, false);
    }

    /** A tier whose size, by owner and team, dashboard_activity holds; scheme 0 and tier '' stand for everyone. */
    private record TierSize(long schemeId, String tierKey) {
    }

    /** The one tier the view is, when the filter names nothing but that tier (or stage) and an owner. */
    private Optional<TierSize> preAggregated(CustomerBrowseFilter filter, Long schemeId) {
        if (CustomerBrowseFilter.given(filter.q()) || CustomerBrowseFilter.given(filter.tag())
                || CustomerBrowseFilter.given(filter.region()) || CustomerBrowseFilter.given(filter.industry())) {
            return Optional.empty();
        }
        boolean tier = CustomerBrowseFilter.given(filter.tier());
        boolean stage = CustomerBrowseFilter.given(filter.stage());
        if (tier && (stage || schemeId == null)) {
            return Optional.empty();
        }
        if (tier) {
            return Optional.of(new TierSize(schemeId, filter.tier()));
        }
        return Optional.of(stage ? new TierSize(lifecycleId(), filter.stage()) : new TierSize(0L, ""));
    }

    public Page find(CustomerBrowseFilter filter, int page, int size) {
        return textSearch.withPlansForTheText(CustomerBrowseFilter.given(filter.q()), () -> read(filter, page, size));
    }

    private Page read(CustomerBrowseFilter filter, int page, int size) {
        Query query = query(filter);
        // Written into the statement, not bound: with a bound LIMIT PostgreSQL's generic plan (used from the sixth
        // execution on) cannot tell one page from everything and sorts a million rows instead of walking the index.
        List<Row> rows = jdbc.sql(query.sql() + " LIMIT " + (size + 1) + " OFFSET " + (long) page * size)
                .params(query.params()).query(CustomerBrowser::row).list();
        boolean hasNext = rows.size() > size;
        return new Page(hasNext ? List.copyOf(rows.subList(0, size)) : rows, page, size, hasNext);
    }

    /** Every row of the filter, in its order, one at a time (a million rows never sit in memory together). */
    @Transactional(readOnly = true)
    public void export(CustomerBrowseFilter filter, Consumer<Row> consumer) {
        Query query = query(filter);
        textSearch.withPlansForTheText(CustomerBrowseFilter.given(filter.q()), () -> {
            streaming.query(query.sql(), query.params(), rs -> {
                consumer.accept(row(rs, 0));
            });
            return null;
        });
    }

    public List<Owner> owners() {
        return jdbc.sql("SELECT id, display_name FROM users ORDER BY display_name")
                .query((rs, n) -> new Owner(rs.getLong("id"), rs.getString("display_name"))).list();
    }

    /** @param from the FROM and WHERE clauses, which a count shares with the page */
    private record Query(String sql, String from, Map<String, Object> params) {
    }

    private Query query(CustomerBrowseFilter filter) {
        ScopeCondition scoped = scope.condition("c");
        List<String> where = new ArrayList<>(List.of("c.merged_into IS NULL", scoped.sql()));
        Map<String, Object> params = new HashMap<>(scoped.params());
        String tierJoin = "";
        String tierColumn = "CAST(NULL AS VARCHAR(64))";
        Long schemeId = CustomerBrowseFilter.given(filter.scheme()) ? schemeId(filter.scheme()) : null;
        if (schemeId != null) {
            params.put("schemeId", schemeId);
            if (CustomerBrowseFilter.given(filter.tier())) {
                tierJoin = " JOIN tiering_memberships m ON m.scheme_id = :schemeId AND m.customer_id = c.id";
                tierColumn = "m.tier_key";
                where.add("m.tier_key = :tier");
                params.put("tier", filter.tier());
            } else {
                // Looked up for the rows of the page only, so the sort can walk its index and stop after one page.
                tierColumn = "(SELECT m.tier_key FROM tiering_memberships m WHERE m.scheme_id = :schemeId"
                        + " AND m.customer_id = c.id)";
            }
            if (CustomerBrowseFilter.given(filter.tag())) {
                where.add("EXISTS (SELECT 1 FROM tiering_tag_memberships tm WHERE tm.scheme_id = :schemeId"
                        + " AND tm.customer_id = c.id AND tm.tag_key = :tag)");
                params.put("tag", filter.tag());
            }
        }
        if (CustomerBrowseFilter.given(filter.stage())) {
            where.add("EXISTS (SELECT 1 FROM tiering_memberships lm WHERE lm.scheme_id = :lifecycleId"
                    + " AND lm.customer_id = c.id AND lm.tier_key = :stage)");
            params.put("lifecycleId", lifecycleId());
            params.put("stage", filter.stage());
        }
        if (CustomerBrowseFilter.given(filter.q())) {
            CustomerTextSearch.Condition search = textSearch.matching("c", SearchTerm.typedInConsole(filter.q()));
            where.add(search.sql());
            params.putAll(search.params());
        }
        if (filter.owner() != null) {
            where.add("c.owner_id = :owner");
            params.put("owner", filter.owner());
        }
        if (CustomerBrowseFilter.given(filter.region())) {
            where.add("c.region = :region");
            params.put("region", filter.region().trim());
        }
        if (CustomerBrowseFilter.given(filter.industry())) {
            where.add("c.industry = :industry");
            params.put("industry", filter.industry().trim());
        }
        String joinsAndWhere = tierJoin + " WHERE " + String.join(" AND ", where);
        // Counting needs no figures; the page joins them (every customer has a row, V12) to show and sort by them.
        String from = " FROM customers c" + joinsAndWhere;
        String sql = "SELECT c.id, c.external_id, c.name, c.type, c.phone,"
                + " (SELECT u.display_name FROM users u WHERE u.id = c.owner_id) AS owner_name, c.region,"
                + " c.industry, f.order_count, f.total_spent, f.last_order_at, c.created_at, " + tierColumn
                + " AS tier_key FROM customers c JOIN customer_figures f ON f.customer_id = c.id" + joinsAndWhere
                + " ORDER BY " + orderBy(filter.sort());
        return new Query(sql, from, params);
    }

    /** The published lifecycle scheme, or -1 (no scheme) when none is published: then no customer has a stage. */
    private long lifecycleId() {
        return schemes.lifecycle().map(PublishedSchemes.SchemeInfo::id).orElse(-1L);
    }

    private Long schemeId(String key) {
        return jdbc.sql("SELECT id FROM tiering_schemes WHERE scheme_key = :key").param("key", key)
                .query(Long.class).optional().orElse(null);
    }

    /** ORDER BY from the whitelist only; the id breaks ties so pages never overlap. */
    static String orderBy(String sort) {
        String field = "total_spent";
        boolean descending = true;
        if (CustomerBrowseFilter.given(sort)) {
            String[] parts = sort.split(",");
            if (!SORTS.contains(parts[0].trim())) {
                throw new InvalidDashboardQueryException("sort must be one of " + SORTS + " with ,asc or ,desc; was "
                        + sort);
            }
            field = parts[0].trim();
            descending = parts.length < 2 || !"asc".equalsIgnoreCase(parts[1].trim());
        }
        String direction = descending ? " DESC" : " ASC";
        if (field.equals("last_order_at")) {
            // matches the index (last_order_at DESC NULLS LAST, customer_id DESC) read forwards or backwards
            return descending ? "f.last_order_at DESC NULLS LAST, c.id DESC" : "f.last_order_at ASC NULLS FIRST, c.id ASC";
        }
        // the order figures are columns of customer_figures (V12), the rest of customers
        String table = field.equals("created_at") || field.equals("name") ? "c." : "f.";
        return table + field + direction + ", c.id" + direction;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp last = rs.getTimestamp("last_order_at");
        java.sql.Timestamp created = rs.getTimestamp("created_at");
        // Pages and exports alike show personal data only to callers with the permission to see it.
        String type = rs.getString("type");
        return new Row(rs.getLong("id"), rs.getString("external_id"),
                PersonalData.nameFor(rs.getString("name"), type), type, PersonalData.phoneFor(rs.getString("phone")),
                rs.getString("owner_name"), rs.getString("region"), rs.getString("industry"),
                rs.getInt("order_count"), rs.getBigDecimal("total_spent"), last == null ? null : last.toInstant(),
                created == null ? null : created.toInstant(), rs.getString("tier_key"));
    }
}
