package org.strata.server.sql;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of pre-aggregated figures whose rows add up by key: a refresh appends its difference (negative rows for
 * what changed, positive ones for what it is now) instead of updating rows in place, and {@link #compact} folds the
 * rows into one per key and drops keys that add up to nothing, so reading a figure sums few rows. Call it inside
 * the transaction that holds the refresh's lock.
 */
public record SummedRows(String table, List<String> keys, List<String> sums) {

    public SummedRows {
        keys = List.copyOf(keys);
        sums = List.copyOf(sums);
    }

    public void compact(JdbcTemplate jdbc, SqlDialect dialect) {
        List<String> columns = Stream.concat(keys.stream(), sums.stream()).toList();
        int width = columns.size();
        List<Object[]> rows = jdbc.query(folded(), (rs, n) -> {
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        });
        jdbc.update("DELETE FROM " + table);
        dialect.insertRows(jdbc, table, columns, rows);
    }

    private String folded() {
        String keyList = String.join(", ", keys);
        String sumList = String.join(", ", sums.stream().map(s -> "SUM(" + s + ")").toList());
        String nonZero = String.join(" OR ", sums.stream().map(s -> "SUM(" + s + ") <> 0").toList());
        return "SELECT " + keyList + ", " + sumList + " FROM " + table + " GROUP BY " + keyList
                + " HAVING " + nonZero;
    }
}
