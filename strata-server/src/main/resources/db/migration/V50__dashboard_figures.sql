-- Pre-aggregated dashboard figures. A dashboard over a million customers cannot aggregate orders, memberships and
-- the ledger per request, so the figures are kept summed by a grain fine enough to apply any owner/team data scope:
-- a sales rep's dashboard adds up the rows of their own owner_id and team_ids. See DashboardFigures for how they are
-- kept up to date (by runs, pins, imports and merges) and DashboardQueries for the direct SQL they must equal.
--
-- The per-customer state the aggregates were last computed from. Keeping it lets a change to a few customers be
-- applied exactly: subtract what they contributed, recompute their state, add what they contribute now.
CREATE TABLE dashboard_customers (
    customer_id       BIGINT         NOT NULL PRIMARY KEY,
    owner_id          BIGINT,
    team_id           BIGINT,
    -- false for a customer absorbed by a merge: it counts nowhere except in the history of its own ledger rows
    survivor          BOOLEAN        NOT NULL,
    -- realised revenue of all its (and its absorbed customers') orders: the customer list's total_spent
    lifetime_revenue  NUMERIC(18, 2) NOT NULL,
    -- a monotone band of lifetime_revenue (about 0.1 % wide) for the Pareto curve's histogram
    spend_band        INT            NOT NULL
);
CREATE INDEX dashboard_customers_band_idx ON dashboard_customers (spend_band, lifetime_revenue);

-- One row per customer and calendar month (business time zone) with realised orders; months are numbered
-- year * 12 + month - 1. previous_month / next_month are the customer's neighbouring months with orders, which turn
-- "bought in the period" and "bought again" into counts that add up over customers (see DashboardFigures).
CREATE TABLE dashboard_customer_months (
    customer_id     BIGINT         NOT NULL,
    month_no        INT            NOT NULL,
    orders          INT            NOT NULL,
    revenue         NUMERIC(18, 2) NOT NULL,
    previous_month  INT,
    next_month      INT,
    PRIMARY KEY (customer_id, month_no)
);

-- The tier of each customer per scheme as the aggregates last saw it (a copy of tiering_memberships).
CREATE TABLE dashboard_customer_tiers (
    scheme_id    BIGINT      NOT NULL,
    customer_id  BIGINT      NOT NULL,
    tier_key     VARCHAR(64) NOT NULL,
    PRIMARY KEY (scheme_id, customer_id)
);

-- Aggregates. Rows with the same key add up (a change appends its difference); compaction folds them together.
-- scheme_id 0 / tier_key '' holds every customer regardless of scheme (the KPI cards).
-- month_no null: one per customer (survivors only), the tier sizes; otherwise one per customer and order month.
CREATE TABLE dashboard_activity (
    scheme_id        BIGINT         NOT NULL,
    tier_key         VARCHAR(64)    NOT NULL,
    owner_id         BIGINT,
    team_id          BIGINT,
    month_no         INT,
    previous_month   INT,
    next_month       INT,
    several_orders   BOOLEAN        NOT NULL,
    customers        BIGINT         NOT NULL,
    revenue          NUMERIC(20, 2) NOT NULL
);
CREATE INDEX dashboard_activity_scheme_idx ON dashboard_activity (scheme_id, month_no);

-- Customers (survivors) and their lifetime revenue by spend band: the Pareto curve's histogram.
CREATE TABLE dashboard_spend (
    owner_id    BIGINT,
    team_id     BIGINT,
    spend_band  INT            NOT NULL,
    customers   BIGINT         NOT NULL,
    revenue     NUMERIC(20, 2) NOT NULL
);

-- Entries into and exits from tiers by runs, by the run's as-of day: the tier sizes over time.
CREATE TABLE dashboard_history (
    scheme_id  BIGINT      NOT NULL,
    as_of      DATE        NOT NULL,
    tier_key   VARCHAR(64) NOT NULL,
    owner_id   BIGINT,
    team_id    BIGINT,
    entered    BIGINT      NOT NULL,
    exited     BIGINT      NOT NULL
);
CREATE INDEX dashboard_history_scheme_idx ON dashboard_history (scheme_id);

-- The migration matrix from "after run since_run" to now, kept for a scheme's latest runs.
CREATE TABLE dashboard_migration (
    scheme_id  BIGINT      NOT NULL,
    since_run  BIGINT      NOT NULL,
    from_tier  VARCHAR(64),
    to_tier    VARCHAR(64) NOT NULL,
    owner_id   BIGINT,
    team_id    BIGINT,
    customers  BIGINT      NOT NULL
);
CREATE INDEX dashboard_migration_run_idx ON dashboard_migration (scheme_id, since_run);

-- Every run's ledger bound: the ledger's last id when the run committed ("after the run" = rows up to it), and
-- whether its matrix is kept in dashboard_migration (the scheme's latest runs) or computed on request.
CREATE TABLE dashboard_migration_runs (
    scheme_id     BIGINT  NOT NULL,
    run_id        BIGINT  NOT NULL PRIMARY KEY,
    ledger_bound  BIGINT  NOT NULL,
    kept          BOOLEAN NOT NULL
);

-- Customers of the refresh in progress; written and emptied inside the refresh's transaction.
CREATE TABLE dashboard_refresh_set (
    customer_id BIGINT NOT NULL PRIMARY KEY
);

-- One row every refresh updates first, so refreshes (and runs) apply their differences one after another.
CREATE TABLE dashboard_refresh_lock (
    id            INT NOT NULL PRIMARY KEY,
    refreshed_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO dashboard_refresh_lock (id) VALUES (1);

-- Whether the aggregates were ever built (a database migrated from before V50 is built once at start-up).
CREATE TABLE dashboard_built (
    id        INT NOT NULL PRIMARY KEY,
    built_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
