package org.strata.server.ingest;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * An import job as the API shows it.
 *
 * @param status   running, succeeded, completed_with_errors or failed
 * @param progress share of the input read, 0..1, or null when the size is unknown
 * @param message  the summary when done, the reason when failed
 */
public record ImportJobView(long id, String kind, String source, String fileName, String status, Double progress,
                            long bytesRead, long bytesTotal, ImportCounts counts, String message,
                            OffsetDateTime startedAt, OffsetDateTime finishedAt, String errorReport) {

    /** {@code locale}: the language of the message (a failure's reason). */
    static ImportJobView of(ImportJob job, Locale locale) {
        double fraction = job.fractionDone();
        return new ImportJobView(job.id(), ImportKindNames.nameOf(job.kind()), job.source(), job.fileName(),
                job.status().dbValue(), fraction < 0 ? null : fraction, job.bytesRead(), job.bytesTotal(), job.counts(),
                job.message(locale), job.startedAt(), job.finishedAt(), "/api/v1/imports/" + job.id() + "/errors");
    }
}
