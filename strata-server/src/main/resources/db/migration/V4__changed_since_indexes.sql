-- After every import (a file or a REST batch of one item) Strata asks which customers and orders changed since the
-- job started, to refresh the customer list's figures and re-tier those customers. Without these indexes that
-- question scans every order.
CREATE INDEX customers_updated_at_idx ON customers (updated_at);
CREATE INDEX orders_updated_at_idx ON orders (updated_at);
