package org.strata.server.identity;

/** The merge was undone before; undoing it twice would move records that may have moved since. */
public class MergeAlreadyUndoneException extends RuntimeException {

    public MergeAlreadyUndoneException(MergeRecord merge) {
        super("merge " + merge.id() + " was already undone by " + merge.undoneBy() + " at " + merge.undoneAt());
    }
}
