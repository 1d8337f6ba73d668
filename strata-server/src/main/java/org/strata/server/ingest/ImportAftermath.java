package org.strata.server.ingest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.tiering.CustomerDataChanged;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the rest of Strata must learn once an import has written its batches: the customer list's order statistics
 * of the touched customers are recomputed, and tiering hears which customers changed (live re-tiering).
 *
 * <p>The touched customers are found from the data itself rather than collected from every writer: customers and
 * orders carry {@code updated_at}, stamped by the database on insert and on a real change (an unchanged re-import
 * stamps nothing, so it touches nobody), and new events have ids above the largest one before the job.
 */
@Component
class ImportAftermath {

    /** Above this many customers one set-based recomputation beats recomputing customer by customer. */
    private static final int REFRESH_ALL_ABOVE = 20_000;

    private final JdbcClient jdbc;
    private final CustomerStatsRefresher stats;
    private final ApplicationEventPublisher events;

    ImportAftermath(JdbcClient jdbc, CustomerStatsRefresher stats, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.stats = stats;
        this.events = events;
    }

    /** The marker to compare with afterwards: the largest event id before the import writes anything. */
    long lastEventIdBefore() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM events").query(Long.class).single();
    }

    /** Recomputes statistics and announces the change for customers written since {@code since}. */
    void customersWrittenSince(OffsetDateTime since, long lastEventIdBefore) {
        Set<Long> touched = new LinkedHashSet<>(jdbc.sql("""
                        SELECT id FROM customers WHERE updated_at >= :since
                        UNION SELECT customer_id FROM orders WHERE updated_at >= :since AND customer_id IS NOT NULL
                        UNION SELECT customer_id FROM events WHERE id > :lastEvent AND customer_id IS NOT NULL""")
                .param("since", since)
                .param("lastEvent", lastEventIdBefore)
                .query(Long.class).list());
        if (touched.isEmpty()) {
            return;
        }
        if (touched.size() > REFRESH_ALL_ABOVE) {
            stats.refreshAll();
        } else {
            stats.refresh(touched);
        }
        events.publishEvent(new CustomerDataChanged(touched));
    }
}
