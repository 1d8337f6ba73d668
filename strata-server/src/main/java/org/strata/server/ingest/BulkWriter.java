package org.strata.server.ingest;

import java.util.List;

/**
 * Stores a whole file of one kind in one transaction, the way PostgreSQL's own tools load data: the records are
 * copied into staging tables, the target tables' secondary indexes are dropped, the staged rows go in with a few
 * set-based statements and the indexes are built again before the commit (see {@link BulkImport}). It must store
 * exactly what the {@link BatchWriter} of the same kind would: same rows, identifiers, merges and counts.
 */
public interface BulkWriter<T> {

    ImportKind kind();

    /** Whether this database can load in bulk (PostgreSQL); the batch path serves the others. */
    boolean available();

    /** The table the file's rows go into, whose size decides whether a file is large enough for a bulk load. */
    String targetTable();

    /** Every table whose secondary indexes are dropped while the rows go in. */
    List<String> suspendedTables();

    /**
     * The tables among {@link #suspendedTables()} whose primary key is dropped too (unless a foreign key references
     * it): maintaining the key of 3 million new rows costs more than building it once. Only for tables that nothing
     * looks up by their primary key while the load writes.
     */
    default List<String> suspendedPrimaryKeys() {
        return List.of();
    }

    /** Creates the staging tables (the first call in the import's transaction) and returns the load that fills them. */
    Load<T> begin();

    /** One file's load, with whatever the writer learns about the records while they are staged. */
    interface Load<T> {

        /**
         * Copies records into the staging tables.
         *
         * @param firstSequence the position of the first record in the file's accepted rows; a later position wins
         *                      over an earlier one with the same key
         */
        void stage(List<T> records, long firstSequence);

        /**
         * Whether {@link #stage} writes into the target tables themselves (a first load copying straight into an
         * empty table): their indexes are then suspended before the first record is staged instead of after the last.
         */
        default boolean writesTargetsWhileStaging() {
            return false;
        }

        /**
         * Whether {@link #stage} keeps one statement open across batches (a COPY), so that the size of a batch costs
         * nothing in statements: the import then hands the records over in small batches.
         */
        default boolean keepsStatementOpen() {
            return false;
        }

        /**
         * Ends any statement that {@link #stage} left open on the connection (a COPY kept open across batches),
         * before the import runs other statements in its transaction. The next {@link #stage} opens another.
         */
        default void pause() {
        }

        /**
         * Gives up the load after a failure: ends what {@link #stage} left open without completing it, so that the
         * transaction can roll back.
         */
        default void abandon() {
        }

        /**
         * Writes the staged records into the target tables, whose secondary indexes are suspended (after ending what
         * {@link #stage} left open).
         *
         * @param duplicates how many staged records repeat the {@link BatchWriter#key key} of an earlier one (the
         *                   later one wins); when 0, the staged records need no folding
         * @param writtenBy  who writes, for the merge ledger
         */
        BatchResult finish(long duplicates, String writtenBy);
    }

    /**
     * Whether {@link #finish} leaves every customer's order figures (count, total, first and last order) computed,
     * so that the import's aftermath need not recompute them.
     */
    default boolean refreshesFigures() {
        return false;
    }
}
