package org.strata.server.ingest;

/** Where an import job is; stored lower-case in import_jobs.status. */
public enum ImportStatus {
    RUNNING, SUCCEEDED, COMPLETED_WITH_ERRORS, FAILED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ImportStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
