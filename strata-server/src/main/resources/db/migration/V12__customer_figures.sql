-- The order figures of V10 move out of the customer row into a narrow table of their own. They are rewritten for
-- every customer after a bulk orders load, and on the customer row that meant rewriting a million wide rows and
-- building all of the customers' indexes again (their names, owners, teams, regions ... none of which changed).
-- Here a rewrite costs a narrow row per customer and the three sort indexes below.
--
-- One row per customer, absorbed customers included (with zeros): the customer list joins it and walks one of its
-- indexes to sort by a figure, which only gives every customer when every customer has a row. Rows are created with
-- the customer (CustomerStatsRefresher.startAtZero) and recomputed from the orders by CustomerStatsRefresher; nothing
-- else writes them. Definitions as in V10:
--   order_count    orders with status completed or partially_refunded, of the customer and of every customer
--                  merged into it
--   total_spent    sum of (amount - refund_amount) over those orders, i.e. revenue net of refunds, CNY
--   first_order_at / last_order_at  earliest / latest of those orders
-- No foreign key to customers: checking it costs a probe of the customers' key per row, a million of them when a
-- bulk load writes the table afresh; the rows are only ever read joined to their customer.
CREATE TABLE customer_figures (
    customer_id     BIGINT         NOT NULL PRIMARY KEY,
    order_count     INTEGER        NOT NULL DEFAULT 0,
    total_spent     NUMERIC(18, 2) NOT NULL DEFAULT 0,
    first_order_at  TIMESTAMP WITH TIME ZONE,
    last_order_at   TIMESTAMP WITH TIME ZONE
);

INSERT INTO customer_figures (customer_id, order_count, total_spent, first_order_at, last_order_at)
SELECT id, order_count, total_spent, first_order_at, last_order_at FROM customers;

-- Sort keys of the customer list; the customer id breaks ties so that pages are stable. Customers who never ordered
-- sort as if their last order were older than any other (see V10).
CREATE INDEX customer_figures_total_spent_idx   ON customer_figures (total_spent, customer_id);
CREATE INDEX customer_figures_order_count_idx   ON customer_figures (order_count, customer_id);
CREATE INDEX customer_figures_last_order_at_idx ON customer_figures (last_order_at DESC NULLS LAST, customer_id DESC);

DROP INDEX customers_total_spent_idx;
DROP INDEX customers_order_count_idx;
DROP INDEX customers_last_order_at_idx;
ALTER TABLE customers DROP COLUMN order_count;
ALTER TABLE customers DROP COLUMN total_spent;
ALTER TABLE customers DROP COLUMN first_order_at;
ALTER TABLE customers DROP COLUMN last_order_at;
