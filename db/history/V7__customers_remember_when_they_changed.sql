-- The reconciliation now repairs the customers as well as the orders (support's text search finds orders through
-- them, V6). Like an order's row, a customer's row says when the projection last wrote it, so that a repair made from
-- a read of the user module never overwrites a rename the projection applied after that read (ADR 0034).
ALTER TABLE customers ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
