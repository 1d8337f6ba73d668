package org.strata.server.ingest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.quality.QualityFigures;
import org.strata.server.sql.SqlDialect;
import org.strata.server.tiering.AllCustomerDataChanged;
import org.strata.server.tiering.CustomerDataChanged;
import org.strata.server.tiering.TieringLiveUpdates;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the rest of Strata must learn once an import has written its batches: the customer list's order statistics
 * of the customers whose orders changed are recomputed, and tiering hears which customers changed (live re-tiering).
 *
 * <p>The touched customers are found from the data itself rather than collected from every writer: customers and
 * orders carry {@code updated_at}, stamped by the database on insert and on a real change (an unchanged re-import
 * stamps nothing, so it touches nobody; linking a waiting order to its new customer stamps it too), merges are
 * dated in identity_merges, and new events have ids above the largest one before the job.
 *
 * <p>Only orders and merges move a customer's figures: a customer import that merges nobody and links no waiting
 * order leaves every figure as it was (a new customer's figures are zero from the start), so it does not pay for a
 * recomputation over all customers.
 */
@Component
class ImportAftermath {

    /**
     * Above this many customers one set-based recomputation beats recomputing customer by customer, and holding
     * their ids in memory would break the import's bounded memory; tiering then catches up at its next run.
     */
    private static final int CUSTOMER_BY_CUSTOMER_AT_MOST = 20_000;

    private static final String FIGURES_TOUCHED = """
            SELECT customer_id FROM orders WHERE updated_at >= :since AND customer_id IS NOT NULL
            UNION SELECT survivor_id FROM identity_merges WHERE merged_at >= :since
            UNION SELECT absorbed_id FROM identity_merges WHERE merged_at >= :since""";

    private static final String TOUCHED = FIGURES_TOUCHED + """

            UNION SELECT id FROM customers WHERE updated_at >= :since
            UNION SELECT customer_id FROM events WHERE id > :lastEvent AND customer_id IS NOT NULL""";

    private final JdbcClient jdbc;
    private final CustomerStatsRefresher stats;
    private final ApplicationEventPublisher events;
    private final TieringLiveUpdates tiering;
    private final QualityFigures quality;
    private final SqlDialect dialect;

    ImportAftermath(JdbcClient jdbc, CustomerStatsRefresher stats, ApplicationEventPublisher events,
                    TieringLiveUpdates tiering, QualityFigures quality, SqlDialect dialect) {
        this.quality = quality;
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.stats = stats;
        this.events = events;
        this.tiering = tiering;
    }

    /** The marker to compare with afterwards: the largest event id before the import writes anything. */
    long lastEventIdBefore() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM events").query(Long.class).single();
    }

    /**
     * Recomputes statistics and announces the change for customers written since {@code since}.
     *
     * @param kind             what the import wrote
     * @param rowsWritten      rows the import inserted or updated
     * @param figuresRefreshed the import recomputed every customer's figures itself (a bulk load of orders)
     */
    void customersWrittenSince(ImportKind kind, long rowsWritten, OffsetDateTime since, long lastEventIdBefore,
                               boolean figuresRefreshed) {
        Set<AllCustomerDataChanged.Part> changed = partsWrittenBy(kind);
        if (figuresRefreshed) {
            tiering.bulkDataChanged();
            // A bulk load rewrote every customer's figures: the dashboard's and the quality report's aggregates are
            // rebuilt from the base tables, as after any change too large to list its customers.
            AllCustomerDataChanged.publishAndAwait(events, dialect.recomputesAlongside(), changed);
            return;
        }
        long figures = count(FIGURES_TOUCHED, since, lastEventIdBefore);
        if (figures > CUSTOMER_BY_CUSTOMER_AT_MOST) {
            // Every customer whose figures changed also changed for tiering: no need to count those again.
            stats.refreshAll();
            tiering.bulkDataChanged();
            AllCustomerDataChanged.publishAndAwait(events, dialect.recomputesAlongside(), changed);
            return;
        }
        if (figures > 0) {
            stats.refresh(ids(FIGURES_TOUCHED, since, lastEventIdBefore));
        }
        // Every customer row a customer import wrote is a touched customer: past the limit, counting them (a UNION over
        // a million ids after a large file) only confirms what the import's own counts say.
        boolean manyCustomersWritten = kind == ImportKind.CUSTOMERS && rowsWritten > CUSTOMER_BY_CUSTOMER_AT_MOST;
        long touched = manyCustomersWritten ? rowsWritten : count(TOUCHED, since, lastEventIdBefore);
        if (touched > CUSTOMER_BY_CUSTOMER_AT_MOST) {
            tiering.bulkDataChanged();
            AllCustomerDataChanged.publishAndAwait(events, dialect.recomputesAlongside(), changed);
        } else if (touched > 0) {
            events.publishEvent(new CustomerDataChanged(ids(TOUCHED, since, lastEventIdBefore)));
        } else {
            // no customer changed, yet orders and events of unknown customers may have arrived
            quality.importWritten(since, lastEventIdBefore);
        }
    }

    /**
     * The parts of the data an import of {@code kind} can change. A customer import may merge customers and link
     * waiting orders and events to new ones; an orders or events import never touches a customer row (an order of an
     * unknown customer waits for it instead).
     */
    static Set<AllCustomerDataChanged.Part> partsWrittenBy(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> EnumSet.allOf(AllCustomerDataChanged.Part.class);
            case ORDERS, ORDER_LINES -> EnumSet.of(AllCustomerDataChanged.Part.ORDERS);
            case EVENTS -> EnumSet.of(AllCustomerDataChanged.Part.EVENTS);
        };
    }

    private long count(String customers, OffsetDateTime since, long lastEventIdBefore) {
        return jdbc.sql("SELECT COUNT(*) FROM (" + customers + ") touched")
                .params(parameters(since, lastEventIdBefore)).query(Long.class).single();
    }

    private Set<Long> ids(String customers, OffsetDateTime since, long lastEventIdBefore) {
        return new LinkedHashSet<>(jdbc.sql(customers).params(parameters(since, lastEventIdBefore))
                .query(Long.class).list());
    }

    private static Map<String, Object> parameters(OffsetDateTime since, long lastEventIdBefore) {
        return Map.of("since", since, "lastEvent", lastEventIdBefore);
    }
}
