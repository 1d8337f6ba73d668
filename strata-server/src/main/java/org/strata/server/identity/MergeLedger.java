package org.strata.server.identity;

import org.strata.server.ingest.IdentityKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.strata.server.sql.SqlDialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies merges and their undo, and records both in identity_merges.
 * <p>
 * Model: customers.merged_into points at the survivor of the merge that absorbed the customer (so merges form a
 * tree), while customer_id on identifiers, orders and events always points at the root of that tree, the customer
 * everybody sees. Every identifier, order and event also keeps origin_customer_id, the record it came with, so an
 * undo can give back exactly what the absorbed customer (and the customers merged into it before) brought.
 */
@Repository
class MergeLedger {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    MergeLedger(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Merges the root customer {@code absorbed} into the root customer {@code survivor}. */
    long merge(long survivor, long absorbed, IdentityKey key, String mergedBy) {
        jdbc.update("UPDATE customers SET merged_into = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?", survivor,
                absorbed);
        for (String table : List.of("customer_identifiers", "orders", "events")) {
            jdbc.update("UPDATE " + table + " SET customer_id = ? WHERE customer_id = ?", survivor, absorbed);
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO identity_merges (survivor_id,"
                    + " absorbed_id, key_kind, key_value, merged_by) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, survivor);
            insert.setLong(2, absorbed);
            insert.setString(3, key.kind());
            insert.setString(4, keyValue(key));
            insert.setString(5, mergedBy);
            return insert;
        }, id);
        return id.getKey().longValue();
    }

    /**
     * Applies the merges of a bulk load, set-based: each absorbed customer points at its survivor, everything held
     * by an absorbed customer moves to the final root of its group in one statement per table, and every merge is
     * recorded in order. Leaves the temporary table bulk_merged_roots (absorbed, root) for the rest of the load.
     */
    void mergeAll(List<CustomerGroups.Merge> merges, java.util.function.LongUnaryOperator rootOf, String mergedBy) {
        jdbc.execute("CREATE TEMPORARY TABLE bulk_merged_roots (absorbed BIGINT PRIMARY KEY, root BIGINT NOT NULL)"
                + " ON COMMIT DROP");
        if (merges.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE customers SET merged_into = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
                merges.stream().map(m -> new Object[] {m.survivor(), m.absorbed()}).toList());
        dialect.insertRows(jdbc, "bulk_merged_roots", List.of("absorbed", "root"), merges.stream()
                .map(m -> new Object[] {m.absorbed(), rootOf.applyAsLong(m.absorbed())}).toList());
        jdbc.execute("ANALYZE bulk_merged_roots");
        for (String table : List.of("customer_identifiers", "orders", "events")) {
            jdbc.update("UPDATE " + table + " t SET customer_id = m.root FROM bulk_merged_roots m"
                    + " WHERE t.customer_id = m.absorbed");
        }
        jdbc.batchUpdate("INSERT INTO identity_merges (survivor_id, absorbed_id, key_kind, key_value, merged_by)"
                + " VALUES (?, ?, ?, ?, ?)", merges.stream().map(m -> new Object[] {m.survivor(), m.absorbed(),
                m.key().kind(), keyValue(m.key()), mergedBy}).toList());
    }

    private static String keyValue(IdentityKey key) {
        return key.namespace().isEmpty() ? key.value() : key.namespace() + "/" + key.value();
    }

    Optional<MergeRecord> find(long mergeId) {
        return jdbc.query("SELECT * FROM identity_merges WHERE id = ?", MergeLedger::merge, mergeId).stream()
                .findFirst();
    }

    List<MergeRecord> mergesOf(long customerId) {
        return jdbc.query("SELECT * FROM identity_merges WHERE survivor_id = ? OR absorbed_id = ? ORDER BY id",
                MergeLedger::merge, customerId, customerId);
    }

    /**
     * Restores the absorbed customer with everything whose origin is it or a customer merged into it, and keeps the
     * pair apart from then on.
     */
    MergeRecord undo(MergeRecord merge, String undoneBy) {
        long absorbed = merge.absorbedId();
        // Everything the absorbed subtree brought is held by the root of the survivor's tree now: search there, by
        // the indexed customer_id, rather than over all rows by origin.
        long holder = rootOf(merge.survivorId());
        List<Long> restored = subtree(absorbed);
        SqlArrayValue ids = new SqlArrayValue("bigint", restored.toArray());
        jdbc.update("UPDATE customers SET merged_into = NULL, updated_at = CURRENT_TIMESTAMP WHERE id = ?", absorbed);
        for (String table : List.of("customer_identifiers", "orders", "events")) {
            jdbc.update("UPDATE " + table + " SET customer_id = ? WHERE customer_id = ? AND "
                    + dialect.inArray("origin_customer_id", "BIGINT"),
                    absorbed, holder, ids);
        }
        jdbc.update("UPDATE identity_merges SET undone_by = ?, undone_at = CURRENT_TIMESTAMP WHERE id = ?", undoneBy,
                merge.id());
        jdbc.update("INSERT INTO identity_merge_blocks (customer_a, customer_b, merge_id) VALUES (?, ?, ?)",
                Math.min(merge.survivorId(), absorbed), Math.max(merge.survivorId(), absorbed), merge.id());
        return find(merge.id()).orElseThrow();
    }

    /** Pairs of customers an undo keeps apart, as the roots they belong to now. */
    List<long[]> blockedRootPairs() {
        List<long[]> pairs = new ArrayList<>();
        jdbc.query("SELECT customer_a, customer_b FROM identity_merge_blocks", (ResultSet rs) -> {
            pairs.add(new long[] {rs.getLong(1), rs.getLong(2)});
        });
        for (long[] pair : pairs) {
            pair[0] = rootOf(pair[0]);
            pair[1] = rootOf(pair[1]);
        }
        return pairs;
    }

    long rootOf(long customerId) {
        long current = customerId;
        for (int depth = 0; depth < 10_000; depth++) {
            Long parent = jdbc.queryForObject("SELECT merged_into FROM customers WHERE id = ?", Long.class, current);
            if (parent == null) {
                return current;
            }
            current = parent;
        }
        throw new IllegalStateException("merged_into of customer " + customerId + " forms a cycle");
    }

    /** The customer and every customer merged into it, directly or through others, and not undone since. */
    private List<Long> subtree(long customerId) {
        List<Long> all = new ArrayList<>(List.of(customerId));
        List<Long> frontier = List.of(customerId);
        while (!frontier.isEmpty()) {
            frontier = jdbc.queryForList("SELECT id FROM customers WHERE " + dialect.inArray("merged_into", "BIGINT"), Long.class,
                    new SqlArrayValue("bigint", frontier.toArray()));
            all.addAll(frontier);
        }
        return all;
    }

    private static MergeRecord merge(ResultSet rs, int row) throws SQLException {
        return new MergeRecord(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("absorbed_id"),
                rs.getString("key_kind"), rs.getString("key_value"), rs.getString("merged_by"),
                rs.getObject("merged_at", OffsetDateTime.class), rs.getString("undone_by"),
                rs.getObject("undone_at", OffsetDateTime.class));
    }
}
