package org.strata.server.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.testsupport.Databases;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Binary COPY must store what the CSV COPY stores (the batch path and the other tables still go as CSV): the same
 * random rows go into two tables, one each way, on a real PostgreSQL, and the tables must read back alike.
 */
class CopyBinaryTest {

    private static final List<String> COLUMNS = List.of("seq BIGINT NOT NULL", "ord INT", "flags SMALLINT",
            "name VARCHAR(300)", "code CHAR(3)", "at TIMESTAMP WITH TIME ZONE", "amount NUMERIC(18, 2)",
            "rate NUMERIC(18, 4)", "unbounded NUMERIC");

    private final PostgresDialect dialect = new PostgresDialect();
    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void twoTablesOfEveryStagedType() {
        connection = new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres", "", true);
        jdbc = new JdbcTemplate(connection);
        jdbc.execute("CREATE TABLE as_csv (" + String.join(", ", COLUMNS) + ")");
        jdbc.execute("CREATE TABLE as_binary (" + String.join(", ", COLUMNS) + ")");
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void randomRowsStoreAlikeInBinaryAndInCsv() {
        Random random = new Random(42);
        List<Object[]> rows = new ArrayList<>();
        for (long seq = 0; seq < 5_000; seq++) {
            rows.add(new Object[] {seq, maybe(random, random.nextInt()), maybe(random, random.nextInt(8)),
                    maybe(random, text(random)), maybe(random, random.nextBoolean() ? "CNY" : "US"),
                    maybe(random, time(random)), maybe(random, amount(random, 15, 2)), maybe(random, amount(random, 13, 4)),
                    maybe(random, amount(random, 20, random.nextInt(12) - 3))});
        }

        dialect.insertRows(jdbc, "as_csv", SqlDialect.columnNames(COLUMNS), rows);
        dialect.appendRows(jdbc, "as_binary", COLUMNS, rows);

        assertThat(readBack("as_binary")).hasSize(rows.size()).isEqualTo(readBack("as_csv"));
    }

    @Test
    void edgeValuesStoreAsWritten() {
        List<Object[]> rows = List.<Object[]>of(
                row(0L, new BigDecimal("0.00"), OffsetDateTime.parse("2000-01-01T00:00:00Z")),
                row(1L, new BigDecimal("-0.01"), OffsetDateTime.parse("1999-12-31T23:59:59.9999996Z")),
                row(2L, new BigDecimal("9999999999999999.99"), OffsetDateTime.parse("2026-03-01T14:05:00.0000016+08:00")),
                row(3L, new BigDecimal("1E+3"), OffsetDateTime.parse("1927-05-18T00:00:00.0000024+08:00")),
                row(4L, new BigDecimal("10000.00"), OffsetDateTime.parse("9999-12-31T23:59:59.123456-05:00")));

        dialect.appendRows(jdbc, "as_binary", COLUMNS, rows);

        assertThat(jdbc.queryForList("SELECT amount::text || ' ' || to_char(at AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD HH24:MI:SS.US') FROM as_binary ORDER BY seq", String.class)).containsExactly(
                "0.00 2000-01-01 00:00:00.000000",
                "-0.01 2000-01-01 00:00:00.000000",
                "9999999999999999.99 2026-03-01 06:05:00.000002",
                "1000.00 1927-05-17 16:00:00.000002",
                "10000.00 10000-01-01 04:59:59.123456");
    }

    /** The name search keys of customers (V19) are staged as INTEGER[]. */
    @Test
    void integerArraysStoreAsWritten() {
        jdbc.execute("CREATE TABLE keys (seq BIGINT, name_keys INTEGER[])");
        List<String> columns = List.of("seq BIGINT", "name_keys INTEGER[]");
        dialect.appendRows(jdbc, "keys", columns, List.<Object[]>of(new Object[] {1L, new int[] {-2147483647, -5, 0,
                97, 23458, 1114111}}, new Object[] {2L, new int[0]}, new Object[] {3L, null}));

        assertThat(jdbc.queryForList("SELECT COALESCE(name_keys::text, 'null') || ' ' || COALESCE(array_lower(name_keys,"
                + " 1), 0) FROM keys ORDER BY seq", String.class)).containsExactly(
                "{-2147483647,-5,0,97,23458,1114111} 1", "{} 0", "null 0");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsColumn() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {1L, null, null, null, null, "2026-03-01", null, null,
                null});

        assertThatThrownBy(() -> dialect.appendRows(jdbc, "as_binary", COLUMNS, rows))
                .hasRootCauseInstanceOf(ClassCastException.class)
                .hasMessageContaining("column at (TIMESTAMPTZ) cannot take a String");
    }

    @Test
    void aColumnTypeWithoutBinaryFormIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new CopyBinary(List.of("payload JSONB"), List.of()))
                .hasMessageContaining("no binary COPY for the column type JSONB");
    }

    private static Object[] row(long seq, BigDecimal amount, OffsetDateTime at) {
        return new Object[] {seq, null, null, null, null, at, amount, null, amount};
    }

    private List<Map<String, Object>> readBack(String table) {
        // as text, so that numbers compare with their scale and timestamps to the microsecond
        return jdbc.queryForList("SELECT seq, ord, flags, name, code, at::text AS at, amount::text AS amount,"
                + " rate::text AS rate, unbounded::text AS unbounded FROM " + table + " ORDER BY seq");
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(10) == 0 ? null : value;
    }

    private static String text(Random random) {
        String[] pieces = {"客户", "a", "\"", ",", "\n", "é", "😀", " ", "O1-0", "\\"};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static OffsetDateTime time(Random random) {
        long seconds = -2_000_000_000L + (long) (random.nextDouble() * 6_000_000_000L);
        int nanos = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos),
                ZoneOffset.ofTotalSeconds((random.nextInt(27) - 12) * 3600 + (random.nextBoolean() ? 0 : 1800)));
    }

    /** Up to {@code whole} digits before the point; some with more decimals than the column keeps. */
    private static BigDecimal amount(Random random, int whole, int scale) {
        int digits = 1 + random.nextInt(whole + Math.min(scale, 0) + Math.max(scale, 0));
        BigInteger unscaled = new BigInteger(digits * 3 + 1, random).mod(BigInteger.TEN.pow(digits));
        BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
        // a few more decimals than the column keeps, which the database rounds away
        return random.nextInt(5) == 0 && scale >= 0
                ? value.add(new BigDecimal(BigInteger.valueOf(random.nextInt(1000)), scale + 3)) : value;
    }
}
