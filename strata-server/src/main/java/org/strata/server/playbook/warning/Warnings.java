package org.strata.server.playbook.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.strata.server.access.PersonalData;
import org.springframework.stereotype.Repository;
import org.strata.server.scope.CustomerScope;
import org.strata.server.scope.ScopeCondition;

/** Churn warnings as the API and the console read them, always within the caller's data scope. */
@Repository
public class Warnings {

    private static final String SELECT = "SELECT w.*, c.name AS customer_name, c.type AS customer_type "
            + "FROM churn_warnings w JOIN customers c ON c.id = w.customer_id WHERE ";

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerScope scope;

    Warnings(NamedParameterJdbcTemplate jdbc, CustomerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Which warnings open, resolved or both. */
    public enum State {
        OPEN, RESOLVED, ALL;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The signals with their labels, for filters. */
    public List<ChurnSignal> signals() {
        return List.of(ChurnSignal.values());
    }

    /** Warnings newest first; {@code signal} null: of every signal. */
    public List<WarningView> list(String signal, State state, int page, int size) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        StringBuilder where = new StringBuilder(condition.sql());
        if (signal != null) {
            where.append(" AND w.signal = :signal");
            params.put("signal", ChurnSignal.of(signal).code());
        }
        if (state == State.OPEN) {
            where.append(" AND w.resolved_at IS NULL");
        } else if (state == State.RESOLVED) {
            where.append(" AND w.resolved_at IS NOT NULL");
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.query(SELECT + where + " ORDER BY w.raised_at DESC, w.id DESC LIMIT :limit OFFSET :offset",
                params, Warnings::view);
    }

    /** A customer's warnings, open and resolved, newest first; empty for a customer outside the scope. */
    public List<WarningView> ofCustomer(long customerId) {
        ScopeCondition condition = scope.condition("c");
        Map<String, Object> params = new HashMap<>(condition.params());
        params.put("id", customerId);
        return jdbc.query(SELECT + condition.sql() + " AND w.customer_id = :id ORDER BY w.raised_at DESC, w.id DESC",
                params, Warnings::view);
    }

    private static WarningView view(ResultSet rs, int row) throws SQLException {
        ChurnSignal signal = ChurnSignal.of(rs.getString("signal"));
        Timestamp resolved = rs.getTimestamp("resolved_at");
        // reasons and details quote the customer's own figures, and may quote their name or contact data
        String name = rs.getString("customer_name");
        String type = rs.getString("customer_type");
        return new WarningView(rs.getLong("id"), rs.getLong("customer_id"), PersonalData.nameFor(name, type),
                signal.code(), signal.labelZh(), signal.labelEn(),
                PersonalData.textAboutFor(rs.getString("reason_zh"), name, type),
                PersonalData.textAboutFor(rs.getString("reason_en"), name, type),
                PersonalData.textAboutFor(rs.getString("details"), name, type), rs.getTimestamp("raised_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), resolved == null);
    }
}
