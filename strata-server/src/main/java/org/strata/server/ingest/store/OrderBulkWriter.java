package org.strata.server.ingest.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.ingest.BatchResult;
import org.strata.server.ingest.BulkWriter;
import org.strata.server.ingest.ImportKind;
import org.strata.server.ingest.OrderRecord;
import org.strata.server.sql.BulkMerge;
import org.strata.server.sql.BulkSteps;
import org.strata.server.sql.PostgresDialect;
import org.strata.server.sql.RowsOnDemand;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders in bulk: the file is staged whole, new orders are inserted with one INSERT .. SELECT that finds each
 * order's customer by a hash join of the staged references with customer_identifiers, existing ones are updated when
 * they changed, and then every customer's figures are computed afresh from the orders in one aggregate.
 */
@Component
class OrderBulkWriter implements BulkWriter<OrderRecord> {

    private static final Logger log = LoggerFactory.getLogger(OrderBulkWriter.class);

    private static final String STAGE = "bulk_stage_orders";

    private final StagingArea staging;
    private final CustomerStatsRefresher figures;

    OrderBulkWriter(StagingArea staging, CustomerStatsRefresher figures) {
        this.staging = staging;
        this.figures = figures;
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
