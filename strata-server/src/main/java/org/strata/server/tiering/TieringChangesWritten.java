package org.strata.server.tiering;

import java.time.Instant;

/**
 * Published synchronously inside the transaction that wrote tiering changes (a run, a pin, a manual tag), after the
 * changes' ledger rows are written and before they commit, so that listeners can record what follows from them in
 * the same transaction; a listener that throws rolls the changes back. The event names its ledger rows instead of
 * carrying them, so a run that moves a million customers publishes one small event: the rows with
 * {@code run_id = runId} for a run, or for a change by hand ({@code runId} null) the rows of {@code customerId} in
 * {@code schemeId} at {@code occurredAt}.
 */
public record TieringChangesWritten(long schemeId, String schemeKey, Long runId, Long customerId,
                                    Instant occurredAt) {

    static TieringChangesWritten ofRun(long schemeId, String schemeKey, long runId, Instant at) {
        return new TieringChangesWritten(schemeId, schemeKey, runId, null, at);
    }

    static TieringChangesWritten byHand(long schemeId, String schemeKey, long customerId, Instant at) {
        return new TieringChangesWritten(schemeId, schemeKey, null, customerId, at);
    }
}
