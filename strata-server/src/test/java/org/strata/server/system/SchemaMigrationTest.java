package org.strata.server.system;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strata.server.testsupport.H2Database;
import org.strata.server.testsupport.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The one migration set must build the same tables on H2 and on PostgreSQL. */
class SchemaMigrationTest {

    abstract static class Contract {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        void migrationsCreateTheCoreTables() {
            for (String table : new String[] {"customers", "customer_identifiers", "identity_merges", "orders",
                    "order_lines", "events", "teams", "users", "import_jobs", "import_errors"}) {
                Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
                assertThat(rows).as(table).isNotNull();
            }
        }
    }

    @Nested
    @H2Database
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresDatabase
    class OnPostgres extends Contract {
    }
}
