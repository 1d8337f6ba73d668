package org.strata.server.ingest;

/** The thread running the import was interrupted (the server is stopping); what was committed stays. */
final class ImportInterruptedException extends RuntimeException {

    ImportInterruptedException() {
        super("the import was interrupted; the batches stored so far stay, importing the file again completes it");
    }
}
