package org.strata.server.tiering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads large results row by row without holding them in memory. PostgreSQL streams with a cursor only when auto-commit
 * is off and a fetch size is set, so every read runs inside a read-only transaction with a fetch size.
 */
@Component
class BulkReader {

    static final int FETCH_SIZE = 10_000;
    /** Ids per IN list: well under every database's limit on bound parameters. */
    static final int IN_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    BulkReader(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void stream(String sql, RowCallbackHandler handler, Object... params) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, handler, params));
    }

    /**
     * Streams {@code sqlWithIds} for the customers {@code ids}, a chunk of ids at a time, in ascending id order;
     * every {@code (:ids)} in it becomes the chunk's list. With {@code ids} null, streams {@code allSql}.
     */
    void streamFor(Collection<Long> ids, String allSql, String sqlWithIds, RowCallbackHandler handler,
                   Object... params) {
        if (ids == null) {
            stream(allSql, handler, params);
            return;
        }
        List<Long> list = ids.stream().distinct().sorted().toList();
        int lists = sqlWithIds.split("\\(:ids\\)", -1).length - 1;
        for (int from = 0; from < list.size(); from += IN_CHUNK) {
            List<Long> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
            String sql = sqlWithIds.replace("(:ids)", "(" + "?,".repeat(chunk.size() - 1) + "?)");
            List<Object> all = new ArrayList<>(List.of(params));
            for (int i = 0; i < lists; i++) {
                all.addAll(chunk);
            }
            stream(sql, handler, all.toArray());
        }
    }
}
