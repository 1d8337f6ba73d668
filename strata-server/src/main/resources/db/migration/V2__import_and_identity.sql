-- Bookkeeping for idempotent imports and reversible identity merges.

-- How an order or event names its customer: customer_ref holds the value (a source's customer id, a +86 E.164
-- phone or a lower-case email), customer_ref_kind says which (external_id, phone, email), so that an order that
-- arrives before its customer can be linked when the customer is imported. origin_customer_id is the customer
-- record the key pointed at when the row was linked; customer_id moves to the survivor on a merge and back to
-- origin_customer_id (or its survivor) when the merge is undone. No foreign key on it: it is bookkeeping, and
-- a per-row check would slow bulk imports for no gain (customer rows are never deleted). Nor an index: an undo
-- finds the rows to give back by customer_id (the survivor's root, indexed) and then origin_customer_id, and an
-- index maintained on millions of imported rows for the rare undo would cost every import.
ALTER TABLE orders ALTER COLUMN customer_ref SET DATA TYPE VARCHAR(320);
ALTER TABLE orders ADD COLUMN customer_ref_kind VARCHAR(32);
ALTER TABLE orders ADD COLUMN origin_customer_id BIGINT;

ALTER TABLE events ALTER COLUMN customer_ref SET DATA TYPE VARCHAR(320);
ALTER TABLE events ADD COLUMN customer_ref_kind VARCHAR(32);
ALTER TABLE events ADD COLUMN origin_customer_id BIGINT;
CREATE INDEX events_customer_ref_idx ON events (customer_ref);

-- Order lines carry what their order needs, so the order can be re-aggregated from its lines at any time.
ALTER TABLE order_lines ADD COLUMN customer_ref VARCHAR(320);
ALTER TABLE order_lines ADD COLUMN customer_ref_kind VARCHAR(32);
ALTER TABLE order_lines ADD COLUMN ordered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE order_lines ADD COLUMN currency CHAR(3);
ALTER TABLE order_lines ADD COLUMN channel VARCHAR(64);
ALTER TABLE order_lines ADD COLUMN cancelled BOOLEAN NOT NULL DEFAULT FALSE;

-- A merge that a person undid must not be redone by the next import of the same records: the pair is kept
-- apart from then on (customer_a < customer_b), whichever customers they are merged with later.
CREATE TABLE identity_merge_blocks (
    customer_a  BIGINT NOT NULL REFERENCES customers (id),
    customer_b  BIGINT NOT NULL REFERENCES customers (id),
    merge_id    BIGINT NOT NULL REFERENCES identity_merges (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT identity_merge_blocks_pk PRIMARY KEY (customer_a, customer_b),
    CONSTRAINT identity_merge_blocks_order_chk CHECK (customer_a < customer_b)
);

-- Rows whose key repeats an earlier row of the same file (the last one wins), merges made by the import,
-- and the input size for progress.
ALTER TABLE import_jobs ADD COLUMN rows_duplicate BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN merges BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN bytes_total BIGINT;
-- 'completed_with_errors' is 21 characters.
ALTER TABLE import_jobs ALTER COLUMN status SET DATA TYPE VARCHAR(32);
