package org.strata.server.tiering;

/**
 * Called inside a run's transaction after all its changes are written and before they commit. Throwing rolls the
 * whole run back; tests use it to prove a failure mid-run leaves memberships untouched.
 */
interface RunCommitHook {

    void beforeCommit(long runId);
}
