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
 */
public record TieringRun(long id, String scheme, int version, RunTrigger trigger, LocalDate asOf, String status,
                         Instant startedAt, Instant finishedAt, Long durationMs, int customersEvaluated, int moved,
                         int entered, int exited, int heldByHysteresis, int heldByPins, int tagsChanged,
                         int rowsWritten, String message) {
}
