package org.strata.server.sql;

import org.slf4j.Logger;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Times the statements of a bulk load one by one and logs each at DEBUG ("bulk customers: insert customers 8,412 ms,
 * 1,000,000 rows"), so that a load's breakdown can be read from its log: the database does nearly all the work of a
 * bulk load inside a few statements, and which of them to make cheaper is only known from such a breakdown.
 */
public final class BulkSteps {

    private final Logger log;
    private final String load;

    /** @param load names the load in every line, e.g. "bulk customers" */
    public BulkSteps(Logger log, String load) {
        this.log = log;
        this.load = load;
    }

    /** Runs a statement that reports a row count (an INSERT, UPDATE or DELETE) and returns that count. */
    public long rows(String step, LongSupplier statement) {
        long start = System.nanoTime();
        long rows = statement.getAsLong();
        log.debug("{}: {} {} ms, {} rows", load, step, millisSince(start), rows);
        return rows;
    }

    /** Runs a statement without a row count (DDL, ANALYZE). */
    public void run(String step, Runnable statement) {
        long start = System.nanoTime();
        statement.run();
        log.debug("{}: {} {} ms", load, step, millisSince(start));
    }

    /** Runs a query and returns its result. */
    public <T> T get(String step, Supplier<T> query) {
        long start = System.nanoTime();
        T result = query.get();
        log.debug("{}: {} {} ms", load, step, millisSince(start));
        return result;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
