package org.strata.server.identity;

/** No merge has the id a caller asked for. */
public class MergeNotFoundException extends RuntimeException {

    public MergeNotFoundException(long mergeId) {
        super("no merge with id " + mergeId);
    }
}
