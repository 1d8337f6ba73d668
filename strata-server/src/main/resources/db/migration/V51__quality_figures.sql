-- Maintained data-quality figures. The report used to scan every customer, order and event on each request; at a
-- million customers that took 20 seconds. These tables keep what the scan would find, by a grain fine enough to
-- apply any owner/team data scope, and QualityFigures keeps them up to date (imports, merges and undo, owner
-- changes, erasure). DirectQualityReport is the scan they must equal.
--
-- What each customer contributes, per source of the records concerned: the customer itself (if it survives),
-- the merges that absorbed it, its orders and its events, in the customer's owner and team. Rows with a null
-- customer_id hold the orders and events of no known customer ("waiting"), which have no owner or team either.
-- Keeping them lets a change to a few customers be applied exactly: subtract what they contributed, recompute
-- them from the base tables, add what they contribute now.
CREATE TABLE quality_contributions (
    customer_id              BIGINT,
    source                   VARCHAR(64) NOT NULL,
    owner_id                 BIGINT,
    team_id                  BIGINT,
    customers                BIGINT      NOT NULL,
    orders                   BIGINT      NOT NULL,
    events                   BIGINT      NOT NULL,
    missing_phone            BIGINT      NOT NULL,
    missing_email            BIGINT      NOT NULL,
    invalid_phone            BIGINT      NOT NULL,
    invalid_email            BIGINT      NOT NULL,
    merges_active            BIGINT      NOT NULL,
    merges_undone            BIGINT      NOT NULL,
    orders_without_customer  BIGINT      NOT NULL,
    orders_non_positive      BIGINT      NOT NULL,
    events_without_customer  BIGINT      NOT NULL
);
CREATE INDEX quality_contributions_customer_idx ON quality_contributions (customer_id);

-- The same counters summed by source, owner and team: what the report reads. Rows with the same key add up (a
-- refresh appends its difference); compaction folds them together.
CREATE TABLE quality_figures (
    source                   VARCHAR(64) NOT NULL,
    owner_id                 BIGINT,
    team_id                  BIGINT,
    customers                BIGINT      NOT NULL,
    orders                   BIGINT      NOT NULL,
    events                   BIGINT      NOT NULL,
    missing_phone            BIGINT      NOT NULL,
    missing_email            BIGINT      NOT NULL,
    invalid_phone            BIGINT      NOT NULL,
    invalid_email            BIGINT      NOT NULL,
    merges_active            BIGINT      NOT NULL,
    merges_undone            BIGINT      NOT NULL,
    orders_without_customer  BIGINT      NOT NULL,
    orders_non_positive      BIGINT      NOT NULL,
    events_without_customer  BIGINT      NOT NULL
);

-- One row per record with a defect (several for a customer absorbed more than once): the report's sample ids.
-- Orders and events dated in the future are kept with their date (every one dated after the refresh, less a day
-- of margin), because whether they are in the future depends on when the report is asked for.
CREATE TABLE quality_findings (
    check_code   VARCHAR(40) NOT NULL,
    record_id    BIGINT      NOT NULL,
    customer_id  BIGINT,
    source       VARCHAR(64) NOT NULL,
    owner_id     BIGINT,
    team_id      BIGINT,
    dated_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX quality_findings_sample_idx ON quality_findings (check_code, source, record_id);
CREATE INDEX quality_findings_customer_idx ON quality_findings (customer_id);

-- Customers of the refresh in progress; written and emptied inside the refresh's transaction.
CREATE TABLE quality_refresh_set (
    customer_id BIGINT NOT NULL PRIMARY KEY
);

-- One row every refresh updates first, so refreshes apply their differences one after another.
CREATE TABLE quality_refresh_lock (
    id            INT NOT NULL PRIMARY KEY,
    refreshed_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO quality_refresh_lock (id) VALUES (1);

-- Whether the figures were ever built (a database migrated from before V51 is built once at start-up).
CREATE TABLE quality_built (
    id        INT NOT NULL PRIMARY KEY,
    built_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
