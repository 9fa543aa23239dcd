-- An order's row no longer holds its customer's name and email: readers join the customers' copy (ADR 0043). A rename
-- wrote every row of the customer's orders, and the rebuild and the reconciliation read the user module once per
-- order; now a rename writes one row and the jobs read each user once. The columns stay, no longer written, until no
-- instance of the previous version can be running (it still reads them), and are dropped by a later migration.
COMMENT ON COLUMN orders.customer_name IS 'no longer written: see customers (ADR 0043)';
COMMENT ON COLUMN orders.customer_email IS 'no longer written: see customers (ADR 0043)';
COMMENT ON COLUMN orders_alternate.customer_name IS 'no longer written: see customers (ADR 0043)';
COMMENT ON COLUMN orders_alternate.customer_email IS 'no longer written: see customers (ADR 0043)';
