-- The unique key of customer_identifiers leads with the value, so that it also serves searching by a value whatever
-- its kind (a phone, an email, a shop user id typed into the customer list); customer_identifiers_value_idx (V10),
-- which did only that, goes. One index fewer to maintain for each of the three or so identifiers every imported
-- customer brings, and to build after a bulk load. Lookups by (kind, namespace, value) use the key as before.
ALTER TABLE customer_identifiers DROP CONSTRAINT customer_identifiers_key;
ALTER TABLE customer_identifiers ADD CONSTRAINT customer_identifiers_key UNIQUE (id_value, kind, namespace);
DROP INDEX customer_identifiers_value_idx;
