package org.strata.server.tiering;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One run of a scheme as the history shows it.
 *
 * @param moved       customers who changed tier
 * @param entered     customers placed for the first time
 * @param exited      customers who left the scheme (merged or removed)
 * @param rowsWritten membership, tag and ledger rows written: 0 when nothing changed
 * heldByHysteresis, heldByPins and rowsWritten are null for a reader with a narrowed data scope (see
 * {@link RunCountsInScope}): the ledger cannot tell them per customer, and the company-wide figures would leak.
 */
public record TieringRun(long id, String scheme, int version, RunTrigger trigger, LocalDate asOf, String status,
                         Instant startedAt, Instant finishedAt, Long durationMs, int customersEvaluated, int moved,
                         int entered, int exited, Integer heldByHysteresis, Integer heldByPins, int tagsChanged,
                         Integer rowsWritten, String message) {

    RunCountsInScope.RunKey key() {
        return new RunCountsInScope.RunKey(id, trigger != RunTrigger.LIVE && "succeeded".equals(status), startedAt);
    }

    /** This run with its counts taken over the reader's customers only. */
    TieringRun inScope(RunCountsInScope.Counts counts) {
        return new TieringRun(id, scheme, version, trigger, asOf, status, startedAt, finishedAt, durationMs,
                counts.evaluated(), counts.moved(), counts.entered(), counts.exited(), null, null,
                counts.tagsChanged(), null, message);
    }
}
