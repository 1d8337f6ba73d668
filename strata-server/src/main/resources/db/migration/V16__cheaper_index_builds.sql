-- Two indexes that every bulk load builds again are redefined so that building them sorts less, serving the same
-- lookups and orders (docs/import-performance.md, "Round 6: index builds").
--
-- The unique key of orders leads with the order number instead of the source. A sort compares the first column
-- through an 8-byte abbreviation of it first; the source is the same for almost every order, so every comparison of
-- (source, order_no) went on to compare both strings in full, and 3.1 million keys took about three times the CPU to
-- sort as (order_no, source), whose abbreviations mostly decide. The key is only ever looked up with both columns given
-- (imports match an order by source and number, ON CONFLICT names both), which either order serves; the customer
-- identifiers' key (V11) leads with the value for the same kind of reason.
ALTER TABLE orders DROP CONSTRAINT orders_key;
ALTER TABLE orders ADD CONSTRAINT orders_key UNIQUE (order_no, source);

-- The customer list sorts by the last order newest first (DESC NULLS LAST, customer id DESC) or oldest first (ASC
-- NULLS FIRST, customer id ASC): one index read forwards or backwards serves both, whichever of the two it is
-- declared as. Declared ascending, it is built over rows that mostly arrive in its order already (a customers file
-- writes a row per new customer in id order, all without orders, and the sort notices the presorted input); declared
-- descending, the same rows came in reverse order and were sorted in full.
DROP INDEX customer_figures_last_order_at_idx;
CREATE INDEX customer_figures_last_order_at_idx ON customer_figures (last_order_at ASC NULLS FIRST, customer_id ASC);
