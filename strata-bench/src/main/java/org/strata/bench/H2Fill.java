package org.strata.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an empty H2 database by SQL, in committed slices, with what an import of that many customers leaves: owners in
 * teams, customers created over two years, three orders per customer on average over 2025-2026 (some refunded or
 * cancelled), and one customer in a hundred merged into its neighbour.
 */
final class H2Fill {

    private static final int SLICE = 100_000;
    private static final int TEAMS = 10;
    private static final int OWNERS = 60;

    static void customersAndOrders(JdbcTemplate jdbc, int customers) {
        for (int team = 1; team <= TEAMS; team++) {
            jdbc.update("INSERT INTO teams (code, name) VALUES (?, ?)", "bench-" + team, "Bench team " + team);
        }
        long firstTeam = jdbc.queryForObject("SELECT MIN(id) FROM teams WHERE code LIKE 'bench-%'", Long.class);
        for (int owner = 1; owner <= OWNERS; owner++) {
            jdbc.update("INSERT INTO users (username, display_name, team_id) VALUES (?, ?, ?)", "bench-" + owner,
                    "Bench owner " + owner, firstTeam + owner % TEAMS);
        }
        long firstOwner = jdbc.queryForObject("SELECT MIN(id) FROM users WHERE username LIKE 'bench-%'", Long.class);
        long after = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM customers", Long.class);
        for (long from = 1; from <= customers; from += SLICE) {
            long to = Math.min(customers, from + SLICE - 1);
            jdbc.update("""
                    INSERT INTO customers (id, external_id, name, owner_id, team_id, source, created_at)
                    SELECT ? + "X", 'B' || "X", '客户' || "X", ? + MOD("X", ?), ? + MOD(MOD("X", ?), ?), 'bench',
                           TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+08' + MOD("X" * 7, 730) * INTERVAL '1' DAY
                    FROM SYSTEM_RANGE(?, ?)""", after, firstOwner, OWNERS, firstTeam, OWNERS, TEAMS, from, to);
            jdbc.update("INSERT INTO customer_figures (customer_id) SELECT ? + \"X\" FROM SYSTEM_RANGE(?, ?)",
                    after, from, to);
        }
        long orders = customers * 3L;
        for (long from = 1; from <= orders; from += SLICE) {
            long to = Math.min(orders, from + SLICE - 1);
            jdbc.update("""
                    INSERT INTO orders (source, order_no, customer_id, ordered_at, amount, refund_amount, status)
                    SELECT 'bench', 'O' || "X", ? + 1 + MOD("X" * 7919, ?),
                           TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+08' + MOD("X" * 13, 540) * INTERVAL '1' DAY,
                           10 + MOD("X" * 31, 5000), CASE WHEN MOD("X", 40) = 0 THEN 5 ELSE 0 END,
                           CASE WHEN MOD("X", 40) = 0 THEN 'partially_refunded' WHEN MOD("X", 53) = 0 THEN 'cancelled'
                                ELSE 'completed' END
                    FROM SYSTEM_RANGE(?, ?)""", after, customers, from, to);
        }
        jdbc.update("UPDATE customers SET merged_into = id - 1 WHERE id > ? + 1 AND MOD(id, 100) = 0", after);
    }

    private H2Fill() {
    }
}
