package org.strata.server.sql;

/**
 * An {@link Upsert} written as separate set-based statements for a bulk load (PostgreSQL), where the target's unique
 * constraint is suspended and INSERT .. ON CONFLICT therefore cannot be used: rows whose key exists are updated when
 * a value changed, the others are inserted. The source must not repeat a key.
 */
public final class BulkMerge {

    private BulkMerge() {
    }

    /** @param targetWasEmpty skip looking for existing rows: a first load only inserts */
    public static WriteCounts write(org.springframework.jdbc.core.JdbcTemplate jdbc, Upsert upsert,
                                    boolean targetWasEmpty) {
        long matched = 0;
        long updated = 0;
        String existing = "SELECT 1 FROM " + upsert.table() + " t WHERE " + upsert.keyJoin("t", "s");
        if (!targetWasEmpty) {
            matched = jdbc.queryForObject("SELECT COUNT(*) FROM (" + upsert.source() + ") s WHERE EXISTS ("
                    + existing + ")", Long.class);
            updated = jdbc.update("UPDATE " + upsert.table() + " t SET " + upsert.assignments("s") + " FROM ("
                    + upsert.source() + ") s WHERE " + upsert.keyJoin("t", "s") + " AND ("
                    + upsert.changed("t", "s") + ")");
        }
        long inserted = jdbc.update("INSERT INTO " + upsert.table() + " (" + upsert.columnList("") + ") SELECT "
                + upsert.columnList("s.") + " FROM (" + upsert.source() + ") s"
                + (targetWasEmpty ? "" : " WHERE NOT EXISTS (" + existing + ")"));
        return new WriteCounts(inserted, updated, matched - updated);
    }
}
