-- The support search (OrderHistoryStore.search) orders by placed_at DESC NULLS LAST, order_id: a row whose OrderPlaced has
-- not arrived yet goes last. The indexes of V1 and V4 are in placed_at DESC order, which puts NULLs first, so none of them
-- could give the search its order: the newest page without a filter sorted the whole table, a status filter sorted every
-- order in that status (issue 22, ADR 0040; RequestPathIndexTests queries history.*). These are the same indexes in the
-- search's order, with order_id as the tie-break, so a page is read from the index and the search stops after it; on both
-- tables of the read model, since a rebuild makes the other one the table readers read (V4, ADR 0034).
CREATE INDEX orders_newest_first ON orders (placed_at DESC NULLS LAST, order_id);
CREATE INDEX orders_by_status_newest_first ON orders (status, placed_at DESC NULLS LAST, order_id);
CREATE INDEX orders_by_customer_newest_first ON orders (user_id, placed_at DESC NULLS LAST, order_id);

DROP INDEX orders_by_placed;
DROP INDEX orders_by_status;
DROP INDEX orders_by_customer;

CREATE INDEX orders_alternate_newest_first ON orders_alternate (placed_at DESC NULLS LAST, order_id);
CREATE INDEX orders_alternate_by_status_newest_first ON orders_alternate (status, placed_at DESC NULLS LAST, order_id);
CREATE INDEX orders_alternate_by_customer_newest_first ON orders_alternate (user_id, placed_at DESC NULLS LAST, order_id);

DROP INDEX orders_alternate_by_placed;
DROP INDEX orders_alternate_by_status;
DROP INDEX orders_alternate_by_customer;
