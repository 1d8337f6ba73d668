package org.strata.server.ingest;

import org.strata.server.access.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** import_jobs and import_errors: what each import did and which rows it rejected. */
@Repository
public class ImportJobs {

    private static final int MAX_TEXT = 1000;
    static final int MAX_MESSAGE = 2000;

    private final JdbcTemplate jdbc;

    ImportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(ImportKind kind, String source, String fileName, long bytesTotal) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO import_jobs (kind, source, file_name,"
                    + " status, bytes_total, started_by) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, kind.name().toLowerCase(java.util.Locale.ROOT));
            insert.setString(2, source);
            insert.setString(3, truncate(fileName, 500));
            insert.setString(4, ImportStatus.RUNNING.dbValue());
            insert.setObject(5, bytesTotal >= 0 ? bytesTotal : null);
            // the job is created on the caller's thread, before the rows are read in the background
            insert.setString(6, CurrentUser.name());
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Adds one batch's counts; called inside the batch's transaction so counts and rows commit together. */
    void addBatch(long jobId, ImportCounts batch) {
        jdbc.update("UPDATE import_jobs SET rows_read = rows_read + ?, rows_accepted = rows_accepted + ?,"
                        + " rows_rejected = rows_rejected + ?, rows_inserted = rows_inserted + ?,"
                        + " rows_updated = rows_updated + ?, rows_unchanged = rows_unchanged + ?,"
                        + " rows_duplicate = rows_duplicate + ?, merges = merges + ? WHERE id = ?",
                batch.read(), batch.accepted(), batch.rejected(), batch.inserted(), batch.updated(),
                batch.unchanged(), batch.duplicates(), batch.merges(), jobId);
    }

    void addErrors(long jobId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO import_errors (job_id, line_no, column_name, column_no, raw_value, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?)", errors.stream().map(e -> new Object[] {jobId, e.line(),
                truncate(e.field(), 200), e.column(), truncate(e.value(), MAX_TEXT),
                truncate(StoredMessages.encode(e.reason(), MAX_TEXT), MAX_TEXT)})
                .toList());
    }

    void finish(long jobId, ImportStatus status, String message) {
        jdbc.update("UPDATE import_jobs SET status = ?, message = ?, finished_at = CURRENT_TIMESTAMP WHERE id = ?",
                status.dbValue(), truncate(message, MAX_MESSAGE), jobId);
    }

    public Optional<ImportJob> find(long jobId) {
        return jdbc.query("SELECT * FROM import_jobs WHERE id = ?", ImportJobs::job, jobId).stream().findFirst();
    }

    /** Streams the job's rejected rows in file order, without holding them all in memory. */
    public void forEachError(long jobId, Consumer<RowError> consumer) {
        jdbc.query("SELECT line_no, column_no, column_name, raw_value, reason FROM import_errors WHERE job_id = ?"
                + " ORDER BY line_no, id", (RowCallbackHandler) rs -> consumer.accept(new RowError(rs.getLong(1),
                rs.getInt(2), rs.getString(3), rs.getString(4), StoredMessages.decode(rs.getString(5)))), jobId);
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        ImportCounts counts = new ImportCounts(rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"), rs.getLong("rows_inserted"), rs.getLong("rows_updated"),
                rs.getLong("rows_unchanged"), rs.getLong("rows_duplicate"), rs.getLong("merges"));
        long bytesTotal = rs.getObject("bytes_total") == null ? -1 : rs.getLong("bytes_total");
        return new ImportJob(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("source"), rs.getString("file_name"), ImportStatus.fromDb(rs.getString("status")), counts,
                -1, bytesTotal, rs.getString("message"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Who started the job ("system" for the command line), empty when there is no such job. */
    java.util.Optional<String> startedBy(long id) {
        return jdbc.query("SELECT started_by FROM import_jobs WHERE id = ?",
                rs -> rs.next() ? java.util.Optional.of(java.util.Objects.requireNonNullElse(rs.getString(1), ""))
                        : java.util.Optional.<String>empty(), id);
    }
}
