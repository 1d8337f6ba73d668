package org.strata.server.sql;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;

/**
 * The few statements where PostgreSQL and H2 need different SQL for fast bulk writes. Everything else in Strata
 * is plain SQL both understand; this interface stays small on purpose so that there is no second persistence
 * layer per database.
 */
public sealed interface SqlDialect permits PostgresDialect, H2Dialect {

    /** Picks the dialect from the database product name (H2 in PostgreSQL mode still needs H2's own syntax). */
    static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.equalsIgnoreCase("PostgreSQL")) {
                return new PostgresDialect();
            }
            if (product.equalsIgnoreCase("H2")) {
                return new H2Dialect();
            }
            throw new IllegalStateException("unsupported database " + product + "; Strata runs on PostgreSQL or H2");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database product name", e);
        }
    }

    /** Rows an import writes per transaction unless {@code strata.import.batch-size} says otherwise. */
    int importBatchSize();

    /**
     * Whether independent recomputations over every customer (the dashboard's figures, the quality report's) run at
     * the same time, each in its own session: on PostgreSQL each session is a process of its own, so two use both
     * cores; H2 runs inside Strata's heap, where two at once would need twice the memory, so they run in turn.
     */
    boolean recomputesAlongside();

    /**
     * A condition "column is one of the values of the array bound to the one {@code ?}", written so that the
     * column's index is used.
     *
     * @param elementType SQL type of the array elements, e.g. VARCHAR or BIGINT
     */
    String inArray(String column, String elementType);

    /**
     * A FROM item {@code v} with one column {@code x} holding the elements of the array bound to its one {@code ?}.
     * Joining it to a table on an indexed column looks up thousands of keys with one index probe each; prefer it to
     * {@link #inArray} for large arrays.
     */
    String arrayRows(String elementType);

    /**
     * Makes sure an empty connection-private table {@code stage} exists in the current transaction; rows loaded
     * into it are gone at commit or rollback.
     *
     * @param columnDefinitions e.g. {@code "source VARCHAR(64)", "order_no VARCHAR(128)"}
     */
    void prepareStage(JdbcTemplate jdbc, String stage, List<String> columnDefinitions);

    /**
     * The column list of a staging table's CREATE statement. Staged text is only ever compared for equality with the
     * key columns it is written into, grouped or deduplicated, never shown; PostgreSQL makes it byte-ordered like
     * those key columns (V6), so that sorting and grouping it costs no {@code strcoll}.
     */
    String stageColumns(List<String> columnDefinitions);

    /** Inserts rows as fast as the database allows (COPY on PostgreSQL, a JDBC batch on H2). */
    void insertRows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows);

    /**
     * Appends many rows to a staging table, as fast as the database allows: on PostgreSQL by COPY in the binary
     * format, whose values the database stores without parsing text; elsewhere as {@link #insertRows}.
     *
     * @param columnDefinitions {@code "name TYPE"} each, as the table was created with, in the order of the rows'
     *                          values: the binary format sends every value as exactly its column's type
     */
    void appendRows(JdbcTemplate jdbc, String table, List<String> columnDefinitions, List<Object[]> rows);

    /**
     * As {@link #appendRows}, into a table emptied by TRUNCATE earlier in the same transaction (and no savepoint
     * since): PostgreSQL then writes the rows frozen and their pages all-visible ({@code COPY .. FREEZE}), so that the
     * first readers after the commit need not mark three million rows as committed (rewriting every page of the table)
     * and vacuum need not freeze them later. Elsewhere as {@link #appendRows}.
     */
    default void appendRowsToTruncated(JdbcTemplate jdbc, String table, List<String> columnDefinitions,
                                       List<Object[]> rows) {
        appendRows(jdbc, table, columnDefinitions, rows);
    }

    /** The column names of definitions such as {@code "source VARCHAR(64)"}. */
    static List<String> columnNames(List<String> columnDefinitions) {
        return columnDefinitions.stream().map(c -> c.strip().substring(0, c.strip().indexOf(' '))).toList();
    }

    /** Inserts rows into a table with an identity column {@code id} and returns the new ids in row order. */
    long[] insertReturningIds(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows);

    /**
     * Inserts the rows of {@link Upsert#source()} that are new, updates those whose values changed, leaves the rest
     * untouched, and counts each case.
     */
    WriteCounts upsert(JdbcTemplate jdbc, Upsert upsert);

    /**
     * A condition "the whole of {@code column} matches {@code regex}". The expression must keep to the syntax that
     * Java and PostgreSQL's advanced regular expressions read alike (no {@code \s}, {@code \d} or {@code \v}
     * shorthands, whose character sets differ); null never matches.
     */
    String matchesWhole(String column, String regex);

    /**
     * The calendar month number (year * 12 + month - 1) of {@code timestamp} in {@code zone}, as an INT: per order of
     * a million-order aggregate, so written the way each database computes it cheapest.
     */
    String monthNumber(String timestamp, ZoneId zone);

    /**
     * A statement that refreshes the planner's statistics of one table: after filling a work table with a few keys,
     * so that joins through it use the indexes of the large tables instead of scanning them.
     */
    String analyze(String table);

    /**
     * For the rest of the current transaction, joins go through indexes (nested loops) rather than hashing or
     * merging whole tables: for statements that touch a few keys of large tables through a work table, where one
     * misjudged estimate would otherwise scan millions of rows. Does nothing where the planner needs no such help.
     */
    void preferIndexLookups(JdbcTemplate jdbc);
}
