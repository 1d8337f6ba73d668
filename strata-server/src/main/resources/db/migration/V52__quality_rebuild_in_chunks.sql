-- QualityFigures rebuilds every figure in committed chunks of customers (by id), so that a million customers need not
-- fit in one transaction: H2 holds a transaction's uncommitted rows in the heap, and one transaction writing a
-- contribution row per customer ran a 512 MB heap out of memory. While a rebuild runs the figures are not built (the
-- report reads the base tables) and a refresh applies only to the customers already rebuilt: those with an id up to
-- this one (none while it is null). The lock row is the place for it because every chunk and every refresh updates
-- that row first, so a refresh reads the value the last committed chunk left.
ALTER TABLE quality_refresh_lock ADD COLUMN rebuilt_through BIGINT;
