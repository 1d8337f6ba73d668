package org.strata.server.ingest;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One import as recorded in import_jobs, plus live progress while it runs.
 *
 * @param bytesRead  how much of the input has been read, -1 when unknown or finished
 * @param bytesTotal size of the input, -1 when unknown
 * @param message    as stored: the summary when done; the reason when failed, which may be a coded message — read it
 *                   with {@link #message(Locale)}
 */
public record ImportJob(long id, ImportKind kind, String source, String fileName, ImportStatus status,
                        ImportCounts counts, long bytesRead, long bytesTotal, String message,
                        OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /** The message in {@code locale}'s language (a failure reason stored as a code reads in either language). */
    public String message(Locale locale) {
        return message == null ? null : StoredMessages.decode(message).text(locale);
    }

    /** Share of the input read, 0..1, or -1 when the size is unknown. */
    public double fractionDone() {
        if (status != ImportStatus.RUNNING) {
            return 1.0;
        }
        return bytesTotal > 0 && bytesRead >= 0 ? Math.min(1.0, (double) bytesRead / bytesTotal) : -1;
    }

    /** The one-paragraph summary shown by the CLI and stored as the job's message on success. */
    public String summary() {
        ImportCounts c = counts;
        StringBuilder text = new StringBuilder();
        text.append(String.format("%,d rows read: %,d accepted, %,d rejected; %,d inserted, %,d updated, %,d unchanged",
                c.read(), c.accepted(), c.rejected(), c.inserted(), c.updated(), c.unchanged()));
        if (c.duplicates() > 0) {
            text.append(String.format("; %,d rows repeated the key of an earlier row in the same input (the last one"
                    + " wins)", c.duplicates()));
        }
        if (c.merges() > 0) {
            text.append(String.format("; %,d customers merged with an existing customer sharing a phone, email or id",
                    c.merges()));
        }
        return text.toString();
    }
}
