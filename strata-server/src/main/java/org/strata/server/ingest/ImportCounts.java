package org.strata.server.ingest;

import org.strata.server.sql.WriteCounts;

/**
 * Running totals of an import. accepted = inserted + updated + unchanged + duplicates: a row whose key repeats an
 * earlier row of the same input is counted as a duplicate, and the last such row is the one stored.
 */
public record ImportCounts(long read, long accepted, long rejected, long inserted, long updated, long unchanged,
                           long duplicates, long merges) {

    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts other) {
        return plus(other.read, other.accepted, other.rejected, new WriteCounts(other.inserted, other.updated,
                other.unchanged), other.duplicates, other.merges);
    }

    public ImportCounts plus(long read, long accepted, long rejected, WriteCounts written, long duplicates, long merges) {
        return new ImportCounts(this.read + read, this.accepted + accepted, this.rejected + rejected,
                inserted + written.inserted(), updated + written.updated(), unchanged + written.unchanged(),
                this.duplicates + duplicates, this.merges + merges);
    }
}
