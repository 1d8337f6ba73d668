package org.strata.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.testsupport.Databases;

/** The spend bands Java computes against PostgreSQL's own, on a real server. */
class SpendBandsTest {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(Databases.freshPostgresUrl(), "postgres", "", true));
    }

    @Test
    void javaBandsEqualTheDatabasesForRandomRevenuesAndRevenuesAtEveryBandBoundary() {
        List<Long> revenues = revenues();
        List<String> disagreeing = new ArrayList<>();
        int[] asked = {0};
        jdbc.query(connection -> {
            Array values = connection.createArrayOf("numeric", revenues.stream()
                    .map(cents -> BigDecimal.valueOf(cents, 2)).toArray());
            var statement = connection.prepareStatement("SELECT CAST(v.revenue * 100 AS BIGINT), "
                    + FigureStatements.spendBand("v.revenue")
                    + " FROM (SELECT CAST(x AS NUMERIC(18, 2)) AS revenue FROM unnest(CAST(? AS NUMERIC[])) x) v");
            statement.setArray(1, values);
            return statement;
        }, (RowCallbackHandler) rs -> {
            long cents = rs.getLong(1);
            int sql = rs.getInt(2);
            int java = SpendBands.of(cents);
            if (java == SpendBands.ASK) {
                asked[0]++;
            } else if (java != sql) {
                disagreeing.add(cents + " cents: " + java + " <> " + sql);
            }
        });

        assertThat(disagreeing).isEmpty();
        assertThat(asked[0]).as("revenues only the database can band").isLessThan(revenues.size() / 1000);
    }

    @Test
    void aRevenueJavaCannotBandIsBandedByTheDatabase() {
        for (long cents : List.of(0L, 1L, -1L, 123_456_78L, -99_999_99L, 999_999_999_999_999_99L)) {
            Integer sql = jdbc.queryForObject("SELECT " + FigureStatements.spendBand("v.revenue")
                    + " FROM (SELECT CAST(? AS NUMERIC(18, 2)) AS revenue) v", Integer.class,
                    BigDecimal.valueOf(cents, 2));
            assertThat(SpendBands.asked(jdbc, cents)).as(cents + " cents").isEqualTo(sql);
        }
        assertThat(SpendBands.of(999_999_999_999_999_99L)).as("beyond exact doubles").isEqualTo(SpendBands.ASK);
    }

    /**
     * Random revenues from a cent to ten billion yuan, positive and negative, and the cents around each band's lower
     * bound up to a million yuan (where exp(band / 1000) - 1 falls).
     */
    private static List<Long> revenues() {
        List<Long> revenues = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long cents = (long) Math.pow(10, random.nextDouble() * 12);
            revenues.add(random.nextInt(5) == 0 ? -cents : cents);
        }
        for (int band = 0; band < 18_500; band += 1) {
            long bound = Math.round((Math.exp(band / 1000.0) - 1) * 100);
            for (long cents = bound - 1; cents <= bound + 1; cents++) {
                revenues.add(cents);
                revenues.add(-cents);
            }
        }
        return revenues;
    }
}
