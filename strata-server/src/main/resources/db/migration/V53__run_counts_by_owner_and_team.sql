-- A run's counts as a reader with a narrowed scope sees them (tiering/RunCountsInScope), kept summed by the current
-- owner and team of the customers they concern, like the other dashboard figures of V50: counting them again from
-- the ledger on every request joined a first run's million ledger rows with the customers. DashboardFigures keeps
-- them, moving a customer's contribution when its owner, team or merges change.
--
-- Per run: customers the run wrote ledger rows for (changed), of them those who changed tier (moved), were placed
-- for the first time (entered), left the scheme (exited), and the run's tag changes. Rows add up; compaction folds
-- them together. Absorbed customers count with their own owner and team: their ledger rows stay theirs.
CREATE TABLE dashboard_run_counts (
    run_id        BIGINT NOT NULL,
    owner_id      BIGINT,
    team_id       BIGINT,
    changed       BIGINT NOT NULL,
    moved         BIGINT NOT NULL,
    entered       BIGINT NOT NULL,
    exited        BIGINT NOT NULL,
    tags_changed  BIGINT NOT NULL
);
CREATE INDEX dashboard_run_counts_run_idx ON dashboard_run_counts (run_id);

-- Surviving customers by creation time (epoch milliseconds): a full run evaluated the (now surviving) customers
-- created by its start. Imported customers carry the day of their source's creation date, so this stays small.
CREATE TABLE dashboard_created (
    owner_id    BIGINT,
    team_id     BIGINT,
    created_ms  BIGINT NOT NULL,
    customers   BIGINT NOT NULL
);

-- The new figures exist for no customer yet: start-up rebuilds every figure once (DashboardFigures.buildIfNeverBuilt).
DELETE FROM dashboard_built;
