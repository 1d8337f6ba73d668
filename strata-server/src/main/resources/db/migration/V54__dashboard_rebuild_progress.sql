-- A rebuild of the dashboard figures in progress (DashboardFigures.rebuildAll). Its one row exists from the moment
-- the old figures are dropped until the new ones are complete; meanwhile the dashboard answers from the base tables.
-- An embedded (H2) database rebuilds in committed chunks of customers by id, so that a million customers never sit
-- in one transaction's memory: the customers with ids up to complete_through have all their figures, and a refresh
-- arriving during the rebuild updates just those (the others are computed later, from the data as it is then).
CREATE TABLE dashboard_rebuild (
    id                INT    NOT NULL PRIMARY KEY,
    complete_through  BIGINT NOT NULL
);
