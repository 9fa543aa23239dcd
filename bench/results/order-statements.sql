-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 17 transactions, 40 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: a71261a7-cd72-4f1f-8c0d-cfb78a77e140
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 6bc7857b-9ec3-43c5-9757-adbaae43ae4d | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 12:13:21.846627+00 | {"eventId":"9a2a9c53-ef42-4351-b637-192f115b0a1b","orderId":"665ccde7-9321-4f... | PUBLISHED | 1 | 2026-11-25 12:13:21.846627+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 61c34853-4ec9-4169-a91e-60d38e92dd0b | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 12:13:21.847671+00 | {"eventId":"9a2a9c53-ef42-4351-b637-192f115b0a1b","orderId":"665ccde7-9321-4f... | PUBLISHED | 1 | 2026-11-25 12:13:21.847671+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 12:13:21.845824+00 | PENDING_PAYMENT | 2500 | a71261a7-cd72-4f1f-8c0d-cfb78a77e140 | 0 | 665ccde7-9321-4f3a-8a6b-4591ab1dd680
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | 0 | 2026-11-25 12:13:21.845824+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 61c34853-4ec9-4169-a91e-60d38e92dd0b
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 6bc7857b-9ec3-43c5-9757-adbaae43ae4d
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 9a2a9c53-ef42-4351-b637-192f115b0a1b | OrderPlaced | 2026-11-25 12:13:21.856233+00
INSERT INTO order_history.orders (order_id, user_id, customer_name, customer_email, status, status_at,
    currency, total_minor, placed_at, updated_at)
SELECT $1, $2, c.name, c.email, 'PENDING_PAYMENT', $3, $4, $5, $6, now()
FROM (SELECT 1) AS one LEFT JOIN order_history.customers c ON c.user_id = $7
ON CONFLICT (order_id) DO UPDATE SET user_id = EXCLUDED.user_id,
    customer_name = COALESCE(order_history.orders.customer_name, EXCLUDED.customer_name),
    customer_email = COALESCE(order_history.orders.customer_email, EXCLUDED.customer_email),
    status = COALESCE(order_history.orders.status, EXCLUDED.status),
    status_at = COALESCE(order_history.orders.status_at, EXCLUDED.status_at),
    currency = EXCLUDED.currency, total_minor = EXCLUDED.total_minor, placed_at = EXCLUDED.placed_at,
    updated_at = now();
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | a71261a7-cd72-4f1f-8c0d-cfb78a77e140 | 2026-11-25 12:13:21.845824+00 | EUR | 2500 | 2026-11-25 12:13:21.845824+00 | a71261a7-cd72-4f1f-8c0d-cfb78a77e140
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 9a2a9c53-ef42-4351-b637-192f115b0a1b | OrderPlaced | 2026-11-25 12:13:21.860174+00 | order-history
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:13:21.861579+00 | 61c34853-4ec9-4169-a91e-60d38e92dd0b
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 9a2a9c53-ef42-4351-b637-192f115b0a1b | PaymentProcessor.on(ChargeRequest) | 2026-11-25 12:13:21.857309+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: a71261a7-cd72-4f1f-8c0d-cfb78a77e140
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: bbd7bd72-aab7-41ac-ab36-9aed8128aecd | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 12:13:21.865938+00 | {"eventId":"58dd6476-8d55-47a7-a34a-b237e1137346","paymentId":"89b2be37-1d0e-... | PUBLISHED | 1 | 2026-11-25 12:13:21.865938+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 6448c48f-0d44-440a-bc31-92ec706abf26 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 12:13:21.86709+00 | {"eventId":"58dd6476-8d55-47a7-a34a-b237e1137346","paymentId":"89b2be37-1d0e-... | PUBLISHED | 1 | 2026-11-25 12:13:21.86709+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | EUR | CHARGE | 2026-11-25 12:13:21.862568+00 | a71261a7-cd72-4f1f-8c0d-cfb78a77e140 | 1086dfe2-690c-4901-9ede-afbc56cda5fb
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | EUR | NULL | 2026-11-25 12:13:21.862568+00 | COMPLETED | a71261a7-cd72-4f1f-8c0d-cfb78a77e140 | 89b2be37-1d0e-4ee1-a887-d5f8a59aea72
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 12:13:18.671822+00 | 2 | a71261a7-cd72-4f1f-8c0d-cfb78a77e140 | 1
COMMIT;

-- transaction 8, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: bbd7bd72-aab7-41ac-ab36-9aed8128aecd
COMMIT;

-- transaction 9, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:13:21.874528+00 | 6bc7857b-9ec3-43c5-9757-adbaae43ae4d
COMMIT;

-- transaction 10, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 6448c48f-0d44-440a-bc31-92ec706abf26
COMMIT;

-- transaction 11, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 58dd6476-8d55-47a7-a34a-b237e1137346 | PaymentCompleted | 2026-11-25 12:13:21.875788+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | 2500 | EUR
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 58dd6476-8d55-47a7-a34a-b237e1137346 | PaymentCompleted | 2026-11-25 12:13:21.879604+00 | order-history
COMMIT;

-- transaction 12, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:13:21.882544+00 | bbd7bd72-aab7-41ac-ab36-9aed8128aecd
COMMIT;

-- transaction 13, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 58dd6476-8d55-47a7-a34a-b237e1137346 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 12:13:21.878131+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680
select l1_0.order_id,l1_0.line_no,l1_0.quantity,l1_0.sku,l1_0.unit_price_minor from orders.order_lines l1_0 where l1_0.order_id=$1;
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 7fa8b454-4e9c-4667-b1e1-230a97f5b54f | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 12:13:21.889532+00 | {"eventId":"7437f93d-53e7-4b28-97b3-e347dbad71c0","orderId":"665ccde7-9321-4f... | PUBLISHED | 1 | 2026-11-25 12:13:21.889532+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 12:13:21.845824+00 | PAID | 2500 | a71261a7-cd72-4f1f-8c0d-cfb78a77e140 | 1 | 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | 1 | 2026-11-25 12:13:21.888534+00 | PaymentCompleted | 58dd6476-8d55-47a7-a34a-b237e1137346 | PENDING_PAYMENT | PAID
COMMIT;

-- transaction 14, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:13:21.895167+00 | 6448c48f-0d44-440a-bc31-92ec706abf26
COMMIT;

-- transaction 15, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 7fa8b454-4e9c-4667-b1e1-230a97f5b54f
COMMIT;

-- transaction 16, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 7437f93d-53e7-4b28-97b3-e347dbad71c0 | OrderStatusChanged | 2026-11-25 12:13:21.896442+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: 665ccde7-9321-4f3a-8a6b-4591ab1dd680 | PAID | 2026-11-25 12:13:21.888534+00
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 7437f93d-53e7-4b28-97b3-e347dbad71c0 | OrderStatusChanged | 2026-11-25 12:13:21.899232+00 | order-history
COMMIT;

-- transaction 17, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:13:21.900516+00 | 7fa8b454-4e9c-4667-b1e1-230a97f5b54f
COMMIT;
