package org.strata.server.quality;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.strata.server.quality.QualityStatements.Customers;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.RowsOnDemand;
import org.strata.server.sql.SqlDialect;
import org.strata.server.tiering.AllCustomerDataChanged.Part;
import org.strata.server.tiering.LoadedOrders;

/**
 * The rebuild after a first bulk load of orders on PostgreSQL, from the orders counted while they were copied
 * ({@link ObservedOrders}) instead of grouping the three million stored orders by customer and source (two thirds of
 * that rebuild's time). It first proves that the stored orders are still exactly the load's: as many as it counted,
 * and every row written by the load's transaction (a row's {@code xmin}); an order written, changed or deleted since
 * fails the proof, and the caller rebuilds from the stored orders instead. Orders written by a transaction that has
 * not committed when the proof is made are not in the figures either way: its change announces its customers, whose
 * refresh waits for this rebuild's lock and then recomputes them.
 * <p>
 * The figures are built already (a rebuild of the orders' rows only follows a change when they are), so instead of
 * adding up all two million rows afresh it subtracts the orders' old rows while deleting them, and adds the new ones as
 * summed here. The new rows are copied in customer order with the index in place: inserting sorted keys costs less than
 * dropping the index and building it again. The rare findings are looked for in the stored orders only when the counts
 * say there are some: orders of no customer, amounts of zero or less, dates near or after now.
 */
@Component
class ObservedOrdersRebuild {

    private static final Logger log = LoggerFactory.getLogger(ObservedOrdersRebuild.class);
    private static final BulkSteps STEPS = new BulkSteps(log, "quality rebuild from the counted orders");
    private static final Set<Part> ORDERS = Set.of(Part.ORDERS);

    private static final List<String> CONTRIBUTION_COLUMNS = Stream.concat(Stream.of("customer_id BIGINT",
            "source VARCHAR(64)", "owner_id BIGINT", "team_id BIGINT"),
            QualityStatements.COUNTERS.stream().map(counter -> counter + " BIGINT")).toList();
    private static final int ORDERS_COUNTER = QualityStatements.COUNTERS.indexOf("orders");
    private static final int NON_POSITIVE_COUNTER = QualityStatements.COUNTERS.indexOf("orders_non_positive");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;
    private final QualityStatements statements;

    ObservedOrdersRebuild(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect, QualityStatements statements) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.statements = statements;
    }

    /**
     * Whether the stored orders are exactly those the load counted: as many, each written by the load's transaction.
     * Call it in the rebuild's transaction, holding its lock.
     */
    boolean stillStored(ObservedOrders.Load load) {
        LoadedOrders.Stored stored = LoadedOrders.stored(template, load.transactionId());
        boolean same = stored.exactly(load.counts().seen());
        if (!same) {
            log.info("the orders changed after their load ({} stored, {} counted, {} written since):"
                    + " the quality figures are rebuilt from the stored orders", stored.orders(),
                    load.counts().seen(), stored.writtenByOthers());
        }
        return same;
    }

    /** Replaces the rows derived from orders with the counted ones; in the transaction of {@link #stillStored}. */
    void rebuild(ObservedOrders.Load load) {
        OrderCounts counts = load.counts();
        template.update("DELETE FROM quality_built");
        STEPS.run("old rows deleted and subtracted", () -> {
            template.update(QualityStatements.deleteSubtracting(Customers.ALL_AND_WAITING, ORDERS));
            template.update(QualityStatements.delete("quality_findings", Customers.ALL_AND_WAITING, ORDERS));
        });
        Owned owned = STEPS.get("customers' owners read", () -> owned(counts));
        STEPS.run("rows copied", () -> dialect.appendRows(template, "quality_contributions", CONTRIBUTION_COLUMNS,
                new RowsOnDemand(owned.size, i -> contribution(counts, owned, i))));
        STEPS.run("rows added up", () -> dialect.insertRows(template, "quality_figures",
                SqlDialect.columnNames(CONTRIBUTION_COLUMNS).subList(1, CONTRIBUTION_COLUMNS.size()),
                owned.figures(counts)));
        STEPS.run("findings", () -> findings(counts));
        QualityFigures.FIGURES.compact(template, dialect);
        template.execute(dialect.analyze("quality_contributions"));
        template.update("INSERT INTO quality_built (id, built_at) VALUES (1, CURRENT_TIMESTAMP)");
        template.update("UPDATE quality_refresh_lock SET rebuilt_through = NULL WHERE id = 1");
    }

    /**
     * The counted customer-and-source pairs whose customer exists, in customer order, each with its customer's owner
     * and team (as the orders rows of {@link QualityStatements} join customers). The customers are read as they lie
     * (sorting a million rows would spill to disk under the default work_mem) and each finds its pairs in the sorted
     * keys by a binary search.
     */
    private Owned owned(OrderCounts counts) {
        long[] keys = counts.sortedKeys();
        int[] ownerOf = new int[keys.length];
        Arrays.fill(ownerOf, -1);
        Map<OwnerAndTeam, Integer> indexes = new HashMap<>();
        List<OwnerAndTeam> owners = new ArrayList<>();
        template.query(connection -> {
            PreparedStatement select = connection.prepareStatement("SELECT id, owner_id, team_id FROM customers");
            // streamed a few thousand rows at a time, not a million held at once
            select.setFetchSize(10_000);
            return select;
        }, row -> {
            long id = row.getLong(1);
            int first = Arrays.binarySearch(keys, OrderCounts.firstKeyOf(id));
            first = first >= 0 ? first : -first - 1;
            if (first == keys.length || OrderCounts.customerOf(keys[first]) != id) {
                return;  // a customer without orders
            }
            long owner = row.getLong(2);
            Long ownerId = row.wasNull() ? null : owner;
            long team = row.getLong(3);
            Long teamId = row.wasNull() ? null : team;
            int index = indexes.computeIfAbsent(new OwnerAndTeam(ownerId, teamId), o -> {
                owners.add(o);
                return owners.size() - 1;
            });
            for (int i = first; i < keys.length && OrderCounts.customerOf(keys[i]) == id; i++) {
                ownerOf[i] = index;
            }
        });
        // a counted customer that no longer exists has no row, as the join drops its orders
        int kept = 0;
        for (int i = 0; i < keys.length; i++) {
            if (ownerOf[i] >= 0) {
                keys[kept] = keys[i];
                ownerOf[kept] = ownerOf[i];
                kept++;
            }
        }
        return new Owned(keys, ownerOf, kept, owners);
    }

    private record OwnerAndTeam(Long owner, Long team) {
    }

    /** The first {@code size} of {@code keys} with their owners' indexes into {@code owners}. */
    private record Owned(long[] keys, int[] ownerOf, int size, List<OwnerAndTeam> owners) {

        /** The rows' sums by source, owner and team: the rows of quality_figures they add. */
        List<Object[]> figures(OrderCounts counts) {
            Map<Long, long[]> sums = new HashMap<>();
            for (int i = 0; i < size; i++) {
                long[] sum = sums.computeIfAbsent((long) ownerOf[i] << 32 | sourceIndex(keys[i]), k -> new long[2]);
                sum[0] += counts.ordersOf(keys[i]);
                sum[1] += counts.nonPositiveOf(keys[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            sums.forEach((key, sum) -> {
                OwnerAndTeam owner = owners.get((int) (key >>> 32));
                Object[] row = zeroCounters(3);
                row[0] = counts.sourceOf(key & 0xFFFF_FFFFL);
                row[1] = owner.owner();
                row[2] = owner.team();
                row[3 + ORDERS_COUNTER] = sum[0];
                row[3 + NON_POSITIVE_COUNTER] = sum[1];
                rows.add(row);
            });
            return rows;
        }

        private static long sourceIndex(long key) {
            return key & (OrderCounts.MAX_SOURCES - 1);
        }
    }

    private static Object[] contribution(OrderCounts counts, Owned owned, int i) {
        long key = owned.keys[i];
        OwnerAndTeam owner = owned.owners.get(owned.ownerOf[i]);
        Object[] row = zeroCounters(4);
        row[0] = OrderCounts.customerOf(key);
        row[1] = counts.sourceOf(key);
        row[2] = owner.owner();
        row[3] = owner.team();
        row[4 + ORDERS_COUNTER] = (long) counts.ordersOf(key);
        row[4 + NON_POSITIVE_COUNTER] = (long) counts.nonPositiveOf(key);
        return row;
    }

    /** A row of {@code keys} leading columns (left null) and every counter zero. */
    private static Object[] zeroCounters(int keys) {
        Object[] row = new Object[keys + QualityStatements.COUNTERS.size()];
        for (int i = keys; i < row.length; i++) {
            row[i] = 0L;
        }
        return row;
    }

    /**
     * The findings of the orders: looked for in the stored orders only when the counts say there are any (orders of
     * nobody, non-positive amounts, dates after the horizon: all rare).
     */
    private void findings(OrderCounts counts) {
        OffsetDateTime horizon = QualityStatements.horizon();
        Set<QualityCheck> checks = EnumSet.noneOf(QualityCheck.class);
        if (counts.nonPositiveSeen() > 0) {
            checks.add(QualityCheck.ORDERS_NON_POSITIVE_AMOUNT);
        }
        // a millisecond's margin: the stored time is the seen one rounded to microseconds
        if (counts.latest() != null && counts.latest().plusNanos(1_000_000).isAfter(horizon)) {
            checks.add(QualityCheck.ORDERS_IN_FUTURE);
        }
        if (!checks.isEmpty()) {
            jdbc.sql(statements.findings(Customers.ALL, ORDERS, checks)).param("horizon", horizon).update();
        }
        if (counts.ofNobody() > 0) {
            statements.recompute(jdbc, Customers.WAITING, ORDERS, Map.of());
            jdbc.sql(QualityStatements.apply(Customers.WAITING, ORDERS)).param("sign", 1).update();
        }
    }
}
