-- Order statistics kept on the customer row so that the customer list can sort and page over a million customers
-- through an index instead of aggregating all orders per request. They are derived data: CustomerStatsRefresher
-- recomputes them from orders (after an import batch, after a merge, or all at once) and nothing else writes them.
-- Definitions (the same as the 360 order summary's "completed" figures):
--   order_count    orders with status completed or partially_refunded, of the customer and of every customer
--                  merged into it
--   total_spent    sum of (amount - refund_amount) over those orders, i.e. revenue net of refunds, CNY
--   first_order_at / last_order_at  earliest / latest of those orders
ALTER TABLE customers ADD COLUMN order_count   INTEGER        NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN total_spent   NUMERIC(18, 2) NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN first_order_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customers ADD COLUMN last_order_at  TIMESTAMP WITH TIME ZONE;

-- Sort keys of the customer list; the id breaks ties so that pages are stable.
CREATE INDEX customers_total_spent_idx   ON customers (total_spent, id);
CREATE INDEX customers_order_count_idx   ON customers (order_count, id);
-- Customers who never ordered sort as if their last order were older than any other: last in "most recent
-- first" (the usual view), first in "oldest first". One index read forwards or backwards serves both.
CREATE INDEX customers_last_order_at_idx ON customers (last_order_at DESC NULLS LAST, id DESC);
CREATE INDEX customers_created_at_idx    ON customers (created_at, id);
CREATE INDEX customers_team_idx          ON customers (team_id);
CREATE INDEX customers_external_id_idx   ON customers (external_id);

-- Search by any identifier value (a phone, an email, a shop user id) without knowing its kind or namespace.
CREATE INDEX customer_identifiers_value_idx ON customer_identifiers (id_value);
