package org.strata.server.customer;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.strata.server.testsupport.Databases;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** V12 moves the order figures a database already holds on its customer rows into customer_figures. */
class CustomerFiguresMigrationTest {

    abstract static class Contract {

        abstract DataSource dataSource();

        @Test
        void figuresOnCustomerRowsMoveToTheirOwnTableWithARowForEveryCustomer() {
            DataSource database = dataSource();
            migrate(database, "11");
            JdbcTemplate jdbc = new JdbcTemplate(database);
            jdbc.update("INSERT INTO customers (id, name, type, order_count, total_spent, first_order_at, last_order_at)"
                    + " VALUES (1, 'a', 'person', 3, 120.50, TIMESTAMP WITH TIME ZONE '2025-01-02 03:04:05+00',"
                    + " TIMESTAMP WITH TIME ZONE '2025-06-07 08:09:10+00'), (2, 'b', 'company', 0, 0, NULL, NULL)");

            migrate(database, "latest");

            List<Map<String, Object>> figures = jdbc.queryForList("SELECT customer_id, order_count, total_spent,"
                    + " EXTRACT(EPOCH FROM first_order_at) AS first_at, EXTRACT(EPOCH FROM last_order_at) AS last_at"
                    + " FROM customer_figures ORDER BY customer_id");
            assertThat(figures).hasSize(2);
            assertThat(((Number) figures.get(0).get("customer_id")).longValue()).isEqualTo(1);
            assertThat(((Number) figures.get(0).get("order_count")).intValue()).isEqualTo(3);
            assertThat(new java.math.BigDecimal(figures.get(0).get("total_spent").toString()))
                    .isEqualByComparingTo("120.50");
            assertThat(((Number) figures.get(0).get("first_at")).longValue()).isEqualTo(1735787045L);
            assertThat(((Number) figures.get(0).get("last_at")).longValue()).isEqualTo(1749283750L);
            assertThat(((Number) figures.get(1).get("order_count")).intValue()).isZero();
            assertThat(figures.get(1).get("last_at")).isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = 'customers' AND LOWER(column_name) IN ('order_count', 'total_spent',"
                    + " 'first_order_at', 'last_order_at')", Integer.class)).isZero();
        }

        private static void migrate(DataSource database, String target) {
            Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load()
                    .migrate();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource dataSource() {
            return new DriverManagerDataSource(Databases.freshH2Url(), "sa", "");
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource dataSource() {
            return new DriverManagerDataSource(Databases.freshPostgresUrl(), "postgres", "");
        }
    }
}
