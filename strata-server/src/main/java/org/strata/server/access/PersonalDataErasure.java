package org.strata.server.access;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.strata.server.scope.CustomerScope;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Erases one customer's personal data on request (PIPL art. 47) wherever Strata stores it: the customer rows (the
 * customer and everyone merged into it), identifiers, merge keys, order and event references, event properties,
 * rejected import rows carrying the same values, and free-text pin reasons. Kept: ids, owners, amounts, dates,
 * tiers and the feature values behind them, so revenue, counts and tier histories stay right, anonymously.
 */
@Service
public class PersonalDataErasure {

    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    PersonalDataErasure(JdbcClient jdbc, CustomerScope scope, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.events = events;
    }

    /** What was erased, as counts per place (the audit detail). */
    public record Erasure(long customerId, List<Long> customerRows, Map<String, Integer> changedRows) {
    }

    /** @return empty when no customer with this id is visible to the caller */
    @Transactional
    public java.util.Optional<Erasure> erase(long customerId) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM customers WHERE id = :id").param("id", customerId)
                .query(Long.class).single() > 0;
        if (!exists || !scope.includes(customerId)) {
            return java.util.Optional.empty();
        }
        List<Long> members = withMerged(customerId);
        Set<String> values = personalValues(members);
        Map<String, Integer> changed = new java.util.LinkedHashMap<>();
        changed.put("customers", jdbc.sql("""
                        UPDATE customers SET name = NULL, phone = NULL, email = NULL, external_id = NULL,
                               attributes = NULL, erased_at = :now, updated_at = :now
                        WHERE id IN (:members)""")
                .param("now", Timestamp.from(Instant.now())).param("members", members).update());
        changed.put("customer_identifiers", jdbc.sql("""
                        DELETE FROM customer_identifiers
                        WHERE customer_id IN (:members) OR origin_customer_id IN (:members)""")
                .param("members", members).update());
        changed.put("identity_merges", jdbc.sql("""
                        UPDATE identity_merges SET key_value = :erased
                        WHERE survivor_id IN (:members) OR absorbed_id IN (:members)""")
                .param("erased", ERASED).param("members", members).update());
        changed.put("orders", jdbc.sql("""
                        UPDATE orders SET customer_ref = NULL
                        WHERE customer_id IN (:members) OR origin_customer_id IN (:members)""")
                .param("members", members).update());
        changed.put("events", jdbc.sql("""
                        UPDATE events SET customer_ref = NULL, properties = NULL
                        WHERE customer_id IN (:members) OR origin_customer_id IN (:members)""")
                .param("members", members).update());
        changed.put("tiering_pins", jdbc.sql("UPDATE tiering_pins SET reason = :erased WHERE customer_id IN (:members)")
                .param("erased", ERASED).param("members", members).update());
        // Pin rows of the ledger carry the pin's free-text reason; tier rows carry feature values (no personal data).
        changed.put("tiering_ledger", jdbc.sql("""
                        UPDATE tiering_ledger SET why = NULL
                        WHERE customer_id IN (:members) AND event IN ('pinned', 'unpinned')""")
                .param("members", members).update());
        if (!values.isEmpty()) {
            List<String> list = List.copyOf(values);
            changed.put("unlinked_references", jdbc.sql("UPDATE orders SET customer_ref = NULL WHERE customer_ref IN (:v)")
                    .param("v", list).update()
                    + jdbc.sql("UPDATE events SET customer_ref = NULL WHERE customer_ref IN (:v)").param("v", list).update()
                    + jdbc.sql("UPDATE order_lines SET customer_ref = NULL WHERE customer_ref IN (:v)")
                    .param("v", list).update());
            changed.put("import_errors", jdbc.sql("UPDATE import_errors SET raw_value = :erased WHERE raw_value IN (:v)")
                    .param("erased", ERASED).param("v", list).update());
        }
        events.publishEvent(new PersonalDataErased(new LinkedHashSet<>(members)));
        return java.util.Optional.of(new Erasure(customerId, members, changed));
    }

    /** The customer and every customer merged into it, however deep. */
    private List<Long> withMerged(long customerId) {
        List<Long> all = new ArrayList<>(List.of(customerId));
        List<Long> frontier = List.of(customerId);
        while (!frontier.isEmpty()) {
            frontier = jdbc.sql("SELECT id FROM customers WHERE merged_into IN (:ids)").param("ids", frontier)
                    .query(Long.class).list();
            frontier = frontier.stream().filter(id -> !all.contains(id)).toList();
            all.addAll(frontier);
        }
        return all;
    }

    /**
     * Every spelling of the customer's personal values that a stored copy may use: as kept (+86 E.164 phones,
     * lower-case e-mails), the national phone number as files usually write it, names and external ids.
     */
    private Set<String> personalValues(List<Long> members) {
        Set<String> values = new LinkedHashSet<>();
        jdbc.sql("SELECT name, phone, email, external_id FROM customers WHERE id IN (:members)")
                .param("members", members).query(rs -> {
                    for (int column = 1; column <= 4; column++) {
                        addSpellings(values, rs.getString(column));
                    }
                });
        jdbc.sql("SELECT id_value FROM customer_identifiers WHERE customer_id IN (:m) OR origin_customer_id IN (:m)")
                .param("m", members).query(String.class).list().forEach(v -> addSpellings(values, v));
        return values;
    }

    private static void addSpellings(Set<String> values, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        values.add(value);
        if (value.startsWith("+86")) {
            values.add(value.substring(3));
        }
    }
}
