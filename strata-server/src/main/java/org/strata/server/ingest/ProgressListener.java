package org.strata.server.ingest;

/** Told after every committed batch how far an import is; used by the CLI's progress bar. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = job -> {
    };

    void batchDone(ImportJob job);
}
