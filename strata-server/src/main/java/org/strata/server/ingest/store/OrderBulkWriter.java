package org.strata.server.ingest.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.customer.OrderFigureSums;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.ImportProperties;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.sql.BulkMerge;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.OpenCopy;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.RowsOnDemand;
import org.strata.server.sql.WriteCounts;
import org.strata.server.tiering.FirstOrderLoadObserver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders in bulk, then every customer's figures computed afresh. Into orders that hold some already (a re-import, an
 * overlapping file) the file is staged whole, new orders are inserted with one INSERT .. SELECT that finds each
 * order's customer by a hash join of the staged references with customer_identifiers, existing ones are updated when
 * they changed, and the figures are aggregated from all orders.
 * <p>
 * Into an empty orders table (a first load) the file is copied straight into orders, each order's customer looked
 * up in memory ({@link KnownCustomers}) while it is copied: writing three million orders into a stage and then again
 * into orders, joined there with three million identifiers on three text columns, cost twice as much as the copy
 * alone (docs/import-performance.md, "Round 7"). Orders repeated in the file are copied as they come, and the older
 * rows of each order number deleted afterwards (the rows' ids follow the file), so the later row wins as when the
 * stage is folded. The customers' figures are summed while the orders are copied ({@link OrderFigureSums}) instead
 * of aggregating the stored orders afterwards, as the staged path does. The whole file goes through one COPY kept
 * open across batches ({@link OpenCopy}), paused only to read a kind of identifiers first met or to store rejected
 * rows, so that the database stores orders while the next ones are prepared.
 */
@Component
class OrderBulkWriter implements BulkWriter<OrderRecord> {

    private static final Logger log = LoggerFactory.getLogger(OrderBulkWriter.class);

    private static final String STAGE = "bulk_stage_orders";

    /** Keeps the last row of each order number of a load copied into orders, which held none before it. */
    private static final String FOLD_COPIED = "DELETE FROM orders o USING (SELECT id, ROW_NUMBER() OVER (PARTITION BY"
            + " source, order_no ORDER BY id DESC) AS newer FROM orders) d WHERE o.id = d.id AND d.newer > 1";

    /**
     * Links the copied orders whose references {@link KnownCustomers} left to SQL; parameters: the kind, then its
     * namespace twice.
     */
    private static final String LINK_LEFT_TO_SQL = "UPDATE orders o SET customer_id = ci.customer_id,"
            + " origin_customer_id = ci.origin_customer_id FROM customer_identifiers ci"
            + " WHERE o.customer_id IS NULL AND o.customer_ref_kind = ? AND " + CustomerReference.NAMESPACE_OF_STORED
            + " = ? AND ci.kind = o.customer_ref_kind AND ci.namespace = ? AND ci.id_value = o.customer_ref";

    /**
     * The first id of a load into empty orders, which numbers its orders itself instead of PostgreSQL drawing each id
     * from the sequence (a tenth of the database's work in the COPY of 3 million orders; docs/import-performance.md,
     * "Round 8"). Nothing else draws ids meanwhile: every insert into orders waits for the load's lock.
     */
    private static final String FIRST_ID = "SELECT nextval(pg_get_serial_sequence('orders', 'id'))";

    /** Moves the sequence past the last id of the load; parameter: that id. */
    private static final String LAST_ID = "SELECT setval(pg_get_serial_sequence('orders', 'id'), ?)";

    private final StagingArea staging;
    private final CustomerStatsRefresher figures;
    private final long identifiersInMemory;
    private final List<FirstOrderLoadObserver> observers;

    OrderBulkWriter(StagingArea staging, CustomerStatsRefresher figures, ImportProperties properties,
                    List<FirstOrderLoadObserver> observers) {
        this.staging = staging;
        this.figures = figures;
        this.identifiersInMemory = properties.bulkIdentifiersInMemory();
        this.observers = List.copyOf(observers);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    public boolean available() {
        return staging.dialect() instanceof PostgresDialect;
    }

    @Override
    public String targetTable() {
        return "orders";
    }

    @Override
    public List<String> suspendedTables() {
        List<String> tables = new ArrayList<>(List.of("orders"));
        tables.addAll(figures.bulkRefreshTables());
        return tables;
    }

    @Override
    public List<String> suspendedPrimaryKeys() {
        // nothing looks orders up by id while they are loaded; 3 million keys built once cost a third of maintaining
        return List.of("orders");
    }

    @Override
    public Load<OrderRecord> begin() {
        if (ordersEmptyAndLocked()) {
            return new IntoEmptyOrders(new KnownCustomers(staging.jdbc(), identifiersInMemory));
        }
        staging.createBulkStage(STAGE, OrderWriter.STAGE_COLUMNS);
        return new Load<>() {
            @Override
            public void stage(List<OrderRecord> orders, long firstSequence) {
                staging.appendBulk(STAGE, OrderWriter.STAGE_COLUMNS,
                        new RowsOnDemand(orders.size(), i -> OrderWriter.stageRow(orders.get(i), firstSequence + i)));
            }

            @Override
            public BatchResult finish(long duplicates, String writtenBy) {
                return write(duplicates, new BulkSteps(log, "bulk orders"));
            }
        };
    }

    /**
     * Whether orders is empty, and then locked against other writers until the load commits: no other import may add
     * an order between this look and the load's own rows.
     */
    private boolean ordersEmptyAndLocked() {
        if (!ordersEmpty()) {
            return false;
        }
        staging.jdbc().execute("LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE");
        return ordersEmpty();
    }

    private boolean ordersEmpty() {
        return staging.jdbc().queryForList("SELECT 1 FROM orders FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
    }

    /** A load copied straight into orders, which held none before it. */
    private final class IntoEmptyOrders implements Load<OrderRecord> {

        private final KnownCustomers customers;
        private final OrderFigureSums sums = new OrderFigureSums();
        private final List<FirstOrderLoadObserver.Orders> seen;
        private final OpenCopy copy;
        /** The id of the first order; the others follow in file order. */
        private final long firstId;

        IntoEmptyOrders(KnownCustomers customers) {
            this.customers = customers;
            this.seen = observers.stream().map(FirstOrderLoadObserver::begin).toList();
            // Emptying the empty table lets the copy write the orders frozen (SqlDialect.appendRowsToTruncated)
            staging.jdbc().execute("TRUNCATE orders");
            this.copy = ((PostgresDialect) staging.dialect()).copyIntoTruncated(staging.jdbc(), "orders",
                    OrderWriter.ORDER_COLUMNS);
            this.firstId = staging.jdbc().queryForObject(FIRST_ID, Long.class);
        }

        @Override
        public boolean writesTargetsWhileStaging() {
            return true;
        }

        @Override
        public void stage(List<OrderRecord> orders, long firstSequence) {
            CustomerReference[] references = new CustomerReference[orders.size()];
            for (int i = 0; i < references.length; i++) {
                references[i] = OrderWriter.referenceOf(orders.get(i));
                if (!customers.prepared(references[i])) {
                    copy.pause();
                    customers.prepare(references[i]);
                }
            }
            KnownCustomers.Found[] found = new KnownCustomers.Found[orders.size()];
            for (int i = 0; i < found.length; i++) {
                found[i] = customers.find(references[i]);
                OrderRecord order = orders.get(i);
                String status = OrderWriter.statusOf(order);
                BigDecimal refund = OrderWriter.refundOf(order);
                if (found[i].customer() != null) {
                    sums.add(found[i].customer(), status, order.amount(), refund, order.orderedAt());
                }
                for (FirstOrderLoadObserver.Orders observer : seen) {
                    observer.order(found[i].customer(), order.source(), status, order.amount(), refund,
                            order.orderedAt());
                }
            }
            long batchFirstId = firstId + firstSequence;
            copy.append(new RowsOnDemand(orders.size(), i -> OrderWriter.orderRow(batchFirstId + i, orders.get(i),
                    references[i], found[i].customer(), found[i].origin())));
        }

        @Override
        public boolean keepsStatementOpen() {
            return true;
        }

        @Override
        public void pause() {
            copy.pause();
        }

        @Override
        public void abandon() {
            copy.abandon();
        }

        @Override
        public BatchResult finish(long duplicates, String writtenBy) {
            long copied = copy.finish();
            if (copied > 0) {
                staging.jdbc().queryForObject(LAST_ID, Long.class, firstId + copied - 1);
            }
            BulkSteps steps = new BulkSteps(log, "bulk orders");
            long older = duplicates > 0 ? steps.rows("delete older rows of repeated order numbers",
                    () -> staging.jdbc().update(FOLD_COPIED)) : 0;
            for (CustomerReference kind : customers.unresolved()) {
                steps.rows("link orders by " + kind.kind() + " " + kind.namespace(), () -> staging.jdbc().update(
                        LINK_LEFT_TO_SQL, kind.kind(), kind.namespace(), kind.namespace()));
            }
            if (duplicates == 0 && customers.unresolved().isEmpty()) {
                figures.writeAllInBulk(sums, staging.dialect(), steps);
                seen.forEach(FirstOrderLoadObserver.Orders::complete);
            } else {
                // the sums count the older rows of repeated orders, and miss the orders linked in SQL
                figures.refreshAllInBulk(steps);
            }
            return new BatchResult(new WriteCounts(copied - older, 0, 0), 0);
        }
    }

    private BatchResult write(long duplicates, BulkSteps steps) {
        if (duplicates > 0) {
            steps.run("fold repeated order numbers", () -> staging.foldRepeatedKeys(STAGE, "source, order_no"));
        }
        steps.run("analyze stage", () -> staging.analyze(STAGE));
        boolean firstLoad = staging.jdbc().queryForList("SELECT 1 FROM orders FETCH FIRST 1 ROWS ONLY",
                Integer.class).isEmpty();
        BatchResult result = steps.get("write orders", () -> new BatchResult(BulkMerge.write(staging.jdbc(),
                OrderWriter.upsertFrom(STAGE), firstLoad), 0));
        figures.refreshAllInBulk(steps);
        return result;
    }

    @Override
    public boolean refreshesFigures() {
        return true;
    }
}
