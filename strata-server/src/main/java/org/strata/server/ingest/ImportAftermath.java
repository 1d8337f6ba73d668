package org.strata.server.ingest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.tiering.CustomerDataChanged;
import org.strata.server.tiering.TieringLiveUpdates;

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

    /**
     * Above this many customers one set-based recomputation beats recomputing customer by customer, and holding
     * their ids in memory would break the import's bounded memory; tiering then catches up at its next run.
     */
    private static final int CUSTOMER_BY_CUSTOMER_AT_MOST = 20_000;

    private static final String TOUCHED = """
            SELECT id FROM customers WHERE updated_at >= :since
            UNION SELECT customer_id FROM orders WHERE updated_at >= :since AND customer_id IS NOT NULL
            UNION SELECT customer_id FROM events WHERE id > :lastEvent AND customer_id IS NOT NULL""";

    private final JdbcClient jdbc;
    private final CustomerStatsRefresher stats;
    private final ApplicationEventPublisher events;
    private final TieringLiveUpdates tiering;

    ImportAftermath(JdbcClient jdbc, CustomerStatsRefresher stats, ApplicationEventPublisher events,
                    TieringLiveUpdates tiering) {
        this.jdbc = jdbc;
        this.stats = stats;
        this.events = events;
        this.tiering = tiering;
    }

    /** The marker to compare with afterwards: the largest event id before the import writes anything. */
    long lastEventIdBefore() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM events").query(Long.class).single();
    }

    /** Recomputes statistics and announces the change for customers written since {@code since}. */
    void customersWrittenSince(OffsetDateTime since, long lastEventIdBefore) {
        long count = jdbc.sql("SELECT COUNT(*) FROM (" + TOUCHED + ") touched")
                .param("since", since).param("lastEvent", lastEventIdBefore)
                .query(Long.class).single();
        if (count == 0) {
            return;
        }
        if (count > CUSTOMER_BY_CUSTOMER_AT_MOST) {
            stats.refreshAll();
            tiering.bulkDataChanged();
            return;
        }
        Set<Long> touched = new LinkedHashSet<>(jdbc.sql(TOUCHED)
                .param("since", since).param("lastEvent", lastEventIdBefore)
                .query(Long.class).list());
        stats.refresh(touched);
        events.publishEvent(new CustomerDataChanged(touched));
    }
}
