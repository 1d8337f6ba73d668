package org.strata.server.demo;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.sql.SqlDialect;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strata.server.customer.CustomerStatsRefresher;
import org.strata.server.customer.DisplayTime;
import org.strata.server.customer.MergedCustomers;
import org.strata.server.testsupport.Databases;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same settings give the same company, row for row; another seed gives another one. */
class DemoDeterminismTest {

    @Test
    void sameSeedAndClockGiveIdenticalData() {
        assertThat(fingerprint(DemoDataGeneratorTest.SMALL)).isEqualTo(fingerprint(DemoDataGeneratorTest.SMALL));
    }

    @Test
    void anotherSeedGivesOtherData() {
        DemoSettings other = new DemoSettings(8L, 1500, DemoDataGeneratorTest.NOW,
                DemoDataGeneratorTest.SMALL.zone());
        assertThat(fingerprint(other)).isNotEqualTo(fingerprint(DemoDataGeneratorTest.SMALL));
    }

    private static List<String> fingerprint(DemoSettings settings) {
        // One connection held open for the whole run: the in-memory database lives as long as it does.
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(Databases.freshH2Url(), "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        JdbcClient client = JdbcClient.create(dataSource);
        DisplayTime time = new DisplayTime("Asia/Shanghai");
        var generator = new DemoDataGenerator(jdbc, new DataSourceTransactionManager(dataSource),
                new CustomerStatsRefresher(client, jdbc, new MergedCustomers(client)), time, event -> { }, SqlDialect.of(dataSource));
        generator.generateIfEmpty(settings).orElseThrow();
        try {
            return fingerprint(jdbc);
        } finally {
            dataSource.destroy();
        }
    }

    private static List<String> fingerprint(JdbcTemplate jdbc) {
        return List.of(
                jdbc.queryForList("SELECT CONCAT(c.id, '|', c.external_id, '|', c.name, '|', c.phone, '|', c.email, '|',"
                        + " c.owner_id, '|', c.created_at, '|', c.attributes, '|', c.merged_into, '|', f.total_spent)"
                        + " FROM customers c JOIN customer_figures f ON f.customer_id = c.id ORDER BY c.id",
                        String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(order_no, '|', customer_id, '|', ordered_at, '|', amount, '|', status,"
                        + " '|', refund_amount) FROM orders ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(event_key, '|', customer_id, '|', type, '|', occurred_at, '|',"
                        + " properties) FROM events ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT CONCAT(survivor_id, '|', absorbed_id, '|', key_value, '|', undone_at)"
                        + " FROM identity_merges ORDER BY id", String.class).toString());
    }
}
