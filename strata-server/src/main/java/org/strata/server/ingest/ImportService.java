package org.strata.server.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.strata.server.sql.SqlDialect;
import org.strata.server.sql.WriteCounts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports parsed rows in batches. Each batch (rows, rejected-row reports and the job's counters) is written in one
 * transaction, so a failure or an interruption never leaves half a batch behind; because every write is an
 * upsert by the record's key, running the same import again is safe and reports the rows as unchanged.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Map<ImportKind, BatchWriter<?>> writers = new EnumMap<>(ImportKind.class);
    private final Map<ImportKind, BulkWriter<?>> bulkWriters = new EnumMap<>(ImportKind.class);
    private final BulkImport bulk;
    private final ImportProperties.BulkMode bulkMode;
    private final ImportJobs jobs;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Map<Long, ImportJob> running = new ConcurrentHashMap<>();
    private final ImportAftermath aftermath;

    ImportService(List<BatchWriter<?>> writers, List<BulkWriter<?>> bulkWriters, BulkImport bulk, ImportJobs jobs,
                  PlatformTransactionManager transactionManager, ImportProperties properties,
                  ImportAftermath aftermath, SqlDialect dialect) {
        writers.forEach(writer -> this.writers.put(writer.kind(), writer));
        bulkWriters.forEach(writer -> this.bulkWriters.put(writer.kind(), writer));
        this.bulk = bulk;
        this.bulkMode = properties.bulk();
        this.jobs = jobs;
        this.aftermath = aftermath;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batchSize = properties.batchSize() != null ? properties.batchSize() : dialect.importBatchSize();
    }

    /** Records a new job as running; the rows follow with {@link #run}. */
    public long createJob(ImportKind kind, String source, String fileName, long bytesTotal) {
        long id = jobs.create(kind, source, fileName, bytesTotal);
        running.put(id, new ImportJob(id, kind, source, fileName, ImportStatus.RUNNING, ImportCounts.ZERO, 0,
                bytesTotal, null, null, null));
        return id;
    }

    /** Creates a job and runs it to the end in the calling thread. */
    public ImportJob importRows(ImportKind kind, String source, String fileName, RowSource<?> rows,
                                ProgressListener listener) {
        return run(createJob(kind, source, fileName, rows.bytesTotal()), kind, rows, listener);
    }

    /**
     * Imports all rows of the source under the given job and closes the source. Never throws for bad input: a file
     * that cannot be read to the end, or a batch the database refuses, ends the job as failed with the reason as its
     * message; batches committed before stay (a re-run finds them unchanged).
     */
    public ImportJob run(long jobId, ImportKind kind, RowSource<?> rows, ProgressListener listener) {
        BatchWriter<?> writer = writers.get(kind);
        if (writer == null) {
            throw new IllegalArgumentException("no writer for " + kind);
        }
        ImportCounts counts = ImportCounts.ZERO;
        ImportStatus status;
        String message;
        long lastEventIdBefore = aftermath.lastEventIdBefore();
        boolean figuresRefreshed = false;
        boolean inBulk = false;
        try (rows) {
            BulkWriter<?> bulkWriter = bulkWriters.get(kind);
            inBulk = bulk.suits(bulkWriter, bulkMode, rows.bytesTotal());
            figuresRefreshed = inBulk && bulkWriter.refreshesFigures();
            counts = inBulk ? runBulk(jobId, writer, bulkWriter, rows, listener) : runBatches(jobId, writer, rows, listener);
            status = counts.rejected() > 0 ? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.SUCCEEDED;
            message = null;
        } catch (DataAccessException | TransactionException e) {
            log.warn("import job {} failed", jobId, e);
            status = ImportStatus.FAILED;
            message = (inBulk ? "the database refused the file; no row of it was stored: "
                    : "the database refused a batch; no row of that batch was stored: ") + rootMessage(e);
        } catch (ImportFileException e) {
            // The input cannot be read further (broken quoting, a sheet that ends mid-row ...): the message says
            // where and what is wrong.
            log.info("import job {} stopped: {}", jobId, e.getMessage());
            status = ImportStatus.FAILED;
            message = StoredMessages.encode(inBulk ? ImportError.NOTHING_STORED_OF_BULK_LOAD.with(e.located())
                    : e.located(), ImportJobs.MAX_MESSAGE);
        } catch (ImportInterruptedException e) {
            log.info("import job {} interrupted", jobId);
            status = ImportStatus.FAILED;
            message = inBulk ? StoredMessages.encode(ImportError.NOTHING_STORED_OF_BULK_LOAD.with(
                    ImportError.INTERRUPTED.with()), ImportJobs.MAX_MESSAGE) : e.getMessage();
        } catch (RuntimeException e) {
            log.warn("import job {} stopped", jobId, e);
            status = ImportStatus.FAILED;
            message = e.getMessage() != null ? e.getMessage() : e.toString();
        } finally {
            running.remove(jobId);
        }
        ImportJob stored = jobs.find(jobId).orElseThrow();
        // Batches committed before a failure stay, so their customers are refreshed whatever the outcome.
        long aftermathStart = System.nanoTime();
        // A bulk load of orders recomputes every customer's figures itself, before its commit (a failed one commits
        // nothing, so there is nothing to refresh either).
        aftermath.customersWrittenSince(kind, stored.counts().inserted() + stored.counts().updated(),
                stored.startedAt(), lastEventIdBefore, figuresRefreshed);
        log.debug("import job {}: statistics refresh and change notice took {} ms", jobId,
                (System.nanoTime() - aftermathStart) / 1_000_000);
        String summary = message != null ? message : new ImportJob(jobId, kind, stored.source(), stored.fileName(),
                status, stored.counts(), -1, stored.bytesTotal(), null, null, null).summary();
        jobs.finish(jobId, status, summary);
        return jobs.find(jobId).orElseThrow();
    }

    /** The job as stored, with live progress while it runs. */
    public Optional<ImportJob> job(long jobId) {
        ImportJob live = running.get(jobId);
        return jobs.find(jobId).map(stored -> live == null ? stored : new ImportJob(stored.id(), stored.kind(),
                stored.source(), stored.fileName(), stored.status(), live.counts(), live.bytesRead(),
                live.bytesTotal(), stored.message(), stored.startedAt(), stored.finishedAt()));
    }

    private <T> ImportCounts runBulk(long jobId, BatchWriter<T> checks, BulkWriter<?> writer, RowSource<?> source,
                                     ProgressListener listener) {
        @SuppressWarnings("unchecked")
        RowSource<T> rows = (RowSource<T>) source;
        @SuppressWarnings("unchecked")
        BulkWriter<T> typed = (BulkWriter<T>) writer;
        return bulk.run(jobId, checks, typed, rows, batchSize, (soFar, bytesRead) -> {
            ImportJob progress = new ImportJob(jobId, checks.kind(), null, null, ImportStatus.RUNNING, soFar,
                    bytesRead, rows.bytesTotal(), null, null, null);
            running.put(jobId, progress);
            listener.batchDone(progress);
        });
    }

    private <T> ImportCounts runBatches(long jobId, BatchWriter<T> writer, RowSource<?> source,
                                        ProgressListener listener) {
        @SuppressWarnings("unchecked")
        RowSource<T> rows = (RowSource<T>) source;
        KeyFingerprints seen = new KeyFingerprints();
        ImportCounts total = ImportCounts.ZERO;
        try (ReadAhead<ParsedRow<T>> reader = ReadAhead.of(rows, batchSize, "strata-import-reader-" + jobId)) {
            for (ReadAhead.Batch<ParsedRow<T>> batch = reader.next(); batch != null; batch = reader.next()) {
                total = total.plus(writeBatch(jobId, writer, batch.rows(), seen));
                ImportJob progress = new ImportJob(jobId, writer.kind(), null, null, ImportStatus.RUNNING, total,
                        batch.bytesRead(), rows.bytesTotal(), null, null, null);
                running.put(jobId, progress);
                listener.batchDone(progress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportInterruptedException();
        }
        return total;
    }

    private <T> ImportCounts writeBatch(long jobId, BatchWriter<T> writer, List<ParsedRow<T>> batch,
                                        KeyFingerprints seen) {
        return transactions.execute(tx -> {
            List<RowError> errors = new ArrayList<>();
            // Later rows replace earlier ones with the same key: the last one wins, within a batch as across them.
            Map<String, T> byKey = new LinkedHashMap<>();
            long accepted = 0;
            long rejected = 0;
            long duplicates = 0;
            for (ParsedRow<T> row : batch) {
                List<RowError> problems = row.accepted() ? writer.check(row.record(), row.line()) : row.errors();
                if (!problems.isEmpty()) {
                    errors.addAll(problems);
                    rejected++;
                    continue;
                }
                accepted++;
                String key = writer.key(row.record());
                if (!seen.add(key)) {
                    duplicates++;
                }
                byKey.remove(key);
                byKey.put(key, row.record());
            }
            BatchResult result = byKey.isEmpty() ? new BatchResult(WriteCounts.NONE, 0)
                    : writer.write(new ArrayList<>(byKey.values()), "import:job " + jobId);
            // A duplicate within this batch was folded away before writing; one across batches was written twice,
            // the second time as an update or unchanged row. Either way it is reported once, as a duplicate.
            long crossBatchDuplicates = duplicates - (accepted - byKey.size());
            WriteCounts written = lessUnchanged(result.counts(), crossBatchDuplicates);
            ImportCounts counts = ImportCounts.ZERO.plus(batch.size(), accepted, rejected, written, duplicates,
                    result.merges());
            jobs.addErrors(jobId, errors);
            jobs.addBatch(jobId, counts);
            return counts;
        });
    }

    private static WriteCounts lessUnchanged(WriteCounts counts,
                                                                   long duplicates) {
        // Take duplicates from "unchanged" first, then "updated", so that inserted+updated+unchanged+duplicates
        // equals the accepted rows.
        long fromUnchanged = Math.min(duplicates, counts.unchanged());
        long fromUpdated = Math.min(duplicates - fromUnchanged, counts.updated());
        return new WriteCounts(counts.inserted(), counts.updated() - fromUpdated,
                counts.unchanged() - fromUnchanged);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
