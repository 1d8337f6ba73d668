package org.strata.server.sql;

/** What a write did to the rows it was given. */
public record WriteCounts(long inserted, long updated, long unchanged) {

    public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

    public WriteCounts plus(WriteCounts other) {
        return new WriteCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }

    public long total() {
        return inserted + updated + unchanged;
    }
}
