package org.strata.server.demo;

import java.sql.Types;

/** The tables the demo fills, with the columns it writes and their SQL types (used for NULLs). */
enum DemoTable {

    CUSTOMERS("INSERT INTO customers (id, external_id, name, type, phone, email, owner_id, team_id, industry, region,"
            + " source, created_at, updated_at, attributes, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)",
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BIGINT),
    FIGURES("INSERT INTO customer_figures (customer_id, order_count, total_spent, first_order_at, last_order_at)"
            + " VALUES (?, ?, ?, ?, ?)",
            Types.BIGINT, Types.INTEGER, Types.NUMERIC, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE),
    IDENTIFIERS("INSERT INTO customer_identifiers (customer_id, origin_customer_id, kind, namespace, id_value,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE),
    ORDERS("INSERT INTO orders (source, order_no, customer_id, customer_ref, ordered_at, amount, cost, refund_amount,"
            + " currency, channel, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?)",
            Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.NUMERIC,
            Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE),
    EVENTS("INSERT INTO events (source, event_key, customer_id, customer_ref, type, occurred_at, properties)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.VARCHAR),
    MERGES("INSERT INTO identity_merges (survivor_id, absorbed_id, key_kind, key_value, merged_by, merged_at,"
            + " undone_by, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE);

    final String insert;
    final int[] types;

    DemoTable(String insert, int... types) {
        this.insert = insert;
        this.types = types;
    }
}
