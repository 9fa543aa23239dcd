-- Support's list of everyone's orders, newest first (GET /v1/orders without userId: OrderRepository.findAllByOrderByPlacedAtDesc)
-- had no index to read in that order: each page sorted the whole table. Found by the volume rehearsal (issue 22, ADR 0040);
-- RequestPathIndexTests keeps it found (query order.newest).
CREATE INDEX orders_by_placed ON orders (placed_at DESC);
