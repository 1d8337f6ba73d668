package org.strata.server.demo;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes demo rows in JDBC batches, committing every few thousand rows: H2 slows down under one transaction of half
 * a million rows, and committing each row (auto-commit) is slower still. NULLs are bound with the column's declared
 * type, never looked up per row.
 */
final class DemoWriter {

    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<DemoTable, List<Object[]>> pending = new EnumMap<>(DemoTable.class);
    private final Map<DemoTable, Long> written = new EnumMap<>(DemoTable.class);

    DemoWriter(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    void add(DemoTable table, Object... row) {
        List<Object[]> rows = pending.computeIfAbsent(table, t -> new ArrayList<>(BATCH));
        rows.add(row);
        if (rows.size() >= BATCH) {
            // All tables at once, in the enum's order: customers before the rows that refer to them.
            flush();
        }
    }

    void flush() {
        transaction.executeWithoutResult(status -> {
            for (DemoTable table : DemoTable.values()) {
                flush(table);
            }
        });
    }

    private void flush(DemoTable table) {
        List<Object[]> rows = pending.remove(table);
        if (rows != null && !rows.isEmpty()) {
            jdbc.batchUpdate(table.insert, setter(table, rows));
            written.merge(table, (long) rows.size(), Long::sum);
        }
    }

    long written(DemoTable table) {
        return written.getOrDefault(table, 0L);
    }

    private static BatchPreparedStatementSetter setter(DemoTable table, List<Object[]> rows) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int column = 0; column < row.length; column++) {
                    if (row[column] == null) {
                        ps.setNull(column + 1, table.types[column]);
                    } else {
                        ps.setObject(column + 1, row[column]);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }
}
