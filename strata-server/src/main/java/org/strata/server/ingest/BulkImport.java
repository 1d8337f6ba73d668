package org.strata.server.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.sql.SuspendedIndexes;
import org.strata.server.sql.WriteCounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a whole file in one transaction, as PostgreSQL's own tools load large amounts of data: the validated rows are
 * copied into staging tables batch by batch (progress is reported per batch), then the target tables' secondary
 * indexes are dropped, the rows go in with a few set-based statements (in-file duplicates resolved last-wins,
 * identities resolved over the whole file) and the indexes are built again before the commit. Building an index once
 * is several times cheaper than maintaining it for every row, which is what made large imports slow.
 * <p>
 * The guarantees of the batch path hold: a failure or an interruption rolls everything back (the dropped indexes
 * included: DDL is transactional in PostgreSQL), so a re-run starts clean; the rows, identifiers, merges, error
 * report and counts are those the batch path would give. What differs: nothing of the file is visible before the
 * end, and readers of the target tables wait for the commit (dropping an index locks its table).
 */
@Component
class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    /** Below this many rows a file goes in batches: rebuilding every index would cost more than maintaining it. */
    static final long MIN_ROWS = 20_000;

    /**
     * Files are measured in bytes; a row of a customer or order file is rarely longer than this, so bytes / this
     * underestimates the rows, and a file only goes in bulk when it is surely large.
     */
    static final int BYTES_PER_ROW_AT_MOST = 120;

    /**
     * Sorting memory for each index build. More buys nothing measurable: at a million customers the GIN index of the
     * names and the B-trees took the same CPU under 256MB and 1GB (IndexBuildBench, docs/import-performance.md "Round
     * 6"); a parallel B-tree build writes its workers' sorted runs to temporary files whatever the memory.
     */
    private static final String INDEX_BUILD_MEMORY = "256MB";

    /**
     * Rows handed from the reader thread to the loading thread at once when the load keeps one statement open across
     * batches, so that the batch size costs no statements: small batches keep fewer rows alive in the heap, and
     * every young collection copies the rows alive (at 20,000 rows per batch the collections of a 3-million-row file
     * cost as much CPU as finding every order's customer; docs/import-performance.md, "Round 8").
     */
    static final int OPEN_STATEMENT_BATCH = 2_000;

    /** Per hash table or sort of the load's statements (database memory, not Strata's heap). */
    private static final String WORK_MEMORY = "128MB";

    private final JdbcTemplate jdbc;
    private final ImportJobs jobs;
    private final TransactionTemplate transactions;

    BulkImport(JdbcTemplate jdbc, ImportJobs jobs, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Told after every staged batch and at the end how far the load is. */
    @FunctionalInterface
    interface Progress {
        void report(ImportCounts soFar, long bytesRead);
    }

    /**
     * Whether a file goes in bulk: when the database can, and (in {@code auto} mode) when the file is large and at
     * least as large as the table it goes into (an empty table, a first load, a full refresh).
     */
    boolean suits(BulkWriter<?> writer, ImportProperties.BulkMode mode, long bytesTotal) {
        if (writer == null || mode == ImportProperties.BulkMode.NEVER || !writer.available()) {
            return false;
        }
        if (mode == ImportProperties.BulkMode.ALWAYS) {
            return true;
        }
        long fileRows = bytesTotal / BYTES_PER_ROW_AT_MOST;
        if (fileRows < MIN_ROWS) {
            return false;
        }
        // Counting stops past the file's size: a table of a hundred million orders is not counted through.
        long tableRows = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM " + writer.targetTable()
                + " FETCH FIRST " + (fileRows + 1) + " ROWS ONLY) t", Long.class);
        return tableRows <= fileRows;
    }

    <T> ImportCounts run(long jobId, BatchWriter<T> checks, BulkWriter<T> writer, RowSource<T> rows, int batchSize,
                         Progress progress) {
        return transactions.execute(tx -> {
            // Hash joins and aggregates over millions of staged rows stay in memory instead of spilling to disk.
            long began = System.nanoTime();
            jdbc.execute("SET LOCAL work_mem = '" + WORK_MEMORY + "'");
            BulkWriter.Load<T> load = writer.begin();
            SuspendedIndexes suspendedFirst = load.writesTargetsWhileStaging() ? suspend(writer) : null;
            Staged staged = stage(jobId, checks, load, rows, batchSize, progress);
            long start = System.nanoTime();
            SuspendedIndexes indexes = suspendedFirst != null ? suspendedFirst : suspend(writer);
            BatchResult result = load.finish(staged.duplicates(), "import:job " + jobId);
            long written = System.nanoTime();
            List<SuspendedIndexes.Built> built = indexes.restore(INDEX_BUILD_MEMORY);
            log.info("bulk import job {}: staged in {} ms, rows written in {} ms, {} indexes rebuilt in {} ms"
                            + " (slowest: {})", jobId, (start - began) / 1_000_000, (written - start) / 1_000_000,
                    built.size(), (System.nanoTime() - written) / 1_000_000, slowest(built));
            ImportCounts counts = ImportCounts.ZERO.plus(staged.read(), staged.accepted(), staged.rejected(),
                    result.counts(), staged.duplicates(), result.merges());
            jobs.addBatch(jobId, counts);
            progress.report(counts, rows.bytesTotal());
            return counts;
        });
    }

    private SuspendedIndexes suspend(BulkWriter<?> writer) {
        return SuspendedIndexes.suspend(jdbc, writer.suspendedTables(), writer.suspendedPrimaryKeys());
    }

    /** The three indexes that took longest to build, for the log line that says where a load's time went. */
    private static String slowest(List<SuspendedIndexes.Built> built) {
        return built.stream().sorted(Comparator.comparingLong(SuspendedIndexes.Built::millis).reversed()).limit(3)
                .map(b -> b.name() + " " + b.millis() + " ms").collect(Collectors.joining(", "));
    }

    private <T> Staged stage(long jobId, BatchWriter<T> checks, BulkWriter.Load<T> load, RowSource<T> rows,
                             int batchSize, Progress progress) {
        // Filled and read by the reader thread alone (CheckedRow.of), in file order.
        KeyFingerprints seen = new KeyFingerprints();
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        long duplicates = 0;
        // Where the staging thread's time goes: waiting for checked rows, or copying them.
        long waited = 0;
        long copied = 0;
        int rowsPerBatch = load.keepsStatementOpen() ? Math.min(batchSize, OPEN_STATEMENT_BATCH) : batchSize;
        try (ReadAhead<CheckedRow<T>> reader = new ReadAhead<>(rows, row -> CheckedRow.of(row, checks, seen),
                rowsPerBatch, "strata-import-reader-" + jobId)) {
            long start = System.nanoTime();
            for (ReadAhead.Batch<CheckedRow<T>> batch = reader.next(); batch != null; batch = reader.next()) {
                long taken = System.nanoTime();
                waited += taken - start;
                List<RowError> errors = new ArrayList<>();
                List<T> records = new ArrayList<>(batch.rows().size());
                for (CheckedRow<T> checked : batch.rows()) {
                    ParsedRow<T> row = checked.row();
                    if (!row.accepted()) {
                        errors.addAll(row.errors());
                        rejected++;
                        continue;
                    }
                    if (checked.repeated()) {
                        duplicates++;
                    }
                    records.add(row.record());
                }
                load.stage(records, accepted);
                copied += System.nanoTime() - taken;
                accepted += records.size();
                read += batch.rows().size();
                if (!errors.isEmpty()) {
                    load.pause();
                    jobs.addErrors(jobId, errors);
                }
                progress.report(ImportCounts.ZERO.plus(read, accepted, rejected, WriteCounts.NONE, duplicates, 0),
                        batch.bytesRead());
                start = System.nanoTime();
            }
        } catch (InterruptedException e) {
            load.abandon();
            Thread.currentThread().interrupt();
            throw new ImportInterruptedException();
        } catch (RuntimeException | Error e) {
            load.abandon();
            throw e;
        }
        log.debug("bulk import job {}: staging waited {} ms for checked rows and copied them in {} ms", jobId,
                waited / 1_000_000, copied / 1_000_000);
        return new Staged(read, accepted, rejected, duplicates);
    }

    private record Staged(long read, long accepted, long rejected, long duplicates) {
    }

    /**
     * A parsed row after the writer's checks (rejected when they found problems), and whether its key repeats that of
     * an earlier accepted row. Made on the reader thread: checking, hashing and remembering the keys need no database,
     * and so they overlap with the copying of the previous batch instead of holding it up.
     */
    private record CheckedRow<T>(ParsedRow<T> row, boolean repeated) {

        static <T> CheckedRow<T> of(ParsedRow<T> row, BatchWriter<T> checks, KeyFingerprints seen) {
            if (!row.accepted()) {
                return new CheckedRow<>(row, false);
            }
            List<RowError> problems = checks.check(row.record(), row.line());
            if (!problems.isEmpty()) {
                return new CheckedRow<>(new ParsedRow<>(row.line(), null, problems), false);
            }
            return new CheckedRow<>(row, !seen.add(checks.key(row.record())));
        }
    }
}
