-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 17 transactions, 40 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: b1df3ea5-6daa-44cf-b5af-737dec80fba2
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: ac620c8b-c7d9-4a3e-9ae2-0a689bf9975e | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 14:38:08.031644+00 | {"eventId":"3fcf46d5-1c78-4b99-89ca-252289440deb","orderId":"227e3264-138f-47... | PUBLISHED | 1 | 2026-11-25 14:38:08.031644+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 19f7389b-bda1-47b6-8dba-be964e4a70c8 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 14:38:08.032947+00 | {"eventId":"3fcf46d5-1c78-4b99-89ca-252289440deb","orderId":"227e3264-138f-47... | PUBLISHED | 1 | 2026-11-25 14:38:08.032947+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 14:38:08.030552+00 | PENDING_PAYMENT | 2500 | b1df3ea5-6daa-44cf-b5af-737dec80fba2 | 0 | 227e3264-138f-4724-a9b9-98a5caa3b400
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | 0 | 2026-11-25 14:38:08.030552+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: ac620c8b-c7d9-4a3e-9ae2-0a689bf9975e
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 19f7389b-bda1-47b6-8dba-be964e4a70c8
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 3fcf46d5-1c78-4b99-89ca-252289440deb | OrderPlaced | 2026-11-25 14:38:08.042056+00
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
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | b1df3ea5-6daa-44cf-b5af-737dec80fba2 | 2026-11-25 14:38:08.030552+00 | EUR | 2500 | 2026-11-25 14:38:08.030552+00 | b1df3ea5-6daa-44cf-b5af-737dec80fba2
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 3fcf46d5-1c78-4b99-89ca-252289440deb | OrderPlaced | 2026-11-25 14:38:08.046334+00 | order-history
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 14:38:08.048797+00 | 19f7389b-bda1-47b6-8dba-be964e4a70c8
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 3fcf46d5-1c78-4b99-89ca-252289440deb | PaymentProcessor.on(ChargeRequest) | 2026-11-25 14:38:08.041152+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: b1df3ea5-6daa-44cf-b5af-737dec80fba2
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 51c0f948-e903-44b2-a1df-85b384414e95 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 14:38:08.050878+00 | {"eventId":"e7599846-be70-4035-bcce-042466ccc6a7","paymentId":"a38e17ac-53b5-... | PUBLISHED | 1 | 2026-11-25 14:38:08.050878+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: fe4de9a5-4607-4fa1-bbeb-3c19b899bd1f | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 14:38:08.051728+00 | {"eventId":"e7599846-be70-4035-bcce-042466ccc6a7","paymentId":"a38e17ac-53b5-... | PUBLISHED | 1 | 2026-11-25 14:38:08.051728+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | 227e3264-138f-4724-a9b9-98a5caa3b400 | EUR | CHARGE | 2026-11-25 14:38:08.05003+00 | b1df3ea5-6daa-44cf-b5af-737dec80fba2 | 7c1bd83f-456c-4e43-8357-a8cf983c09a8
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | 227e3264-138f-4724-a9b9-98a5caa3b400 | EUR | NULL | 2026-11-25 14:38:08.05003+00 | COMPLETED | b1df3ea5-6daa-44cf-b5af-737dec80fba2 | a38e17ac-53b5-4f23-b51d-bd8b6b39a722
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 14:38:04.198201+00 | 2 | b1df3ea5-6daa-44cf-b5af-737dec80fba2 | 1
COMMIT;

-- transaction 8, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 51c0f948-e903-44b2-a1df-85b384414e95
COMMIT;

-- transaction 9, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 14:38:08.056606+00 | ac620c8b-c7d9-4a3e-9ae2-0a689bf9975e
COMMIT;

-- transaction 10, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: fe4de9a5-4607-4fa1-bbeb-3c19b899bd1f
COMMIT;

-- transaction 11, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: e7599846-be70-4035-bcce-042466ccc6a7 | PaymentCompleted | 2026-11-25 14:38:08.057414+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | 2500 | EUR
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: e7599846-be70-4035-bcce-042466ccc6a7 | PaymentCompleted | 2026-11-25 14:38:08.058835+00 | order-history
COMMIT;

-- transaction 12, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 14:38:08.062642+00 | 51c0f948-e903-44b2-a1df-85b384414e95
COMMIT;

-- transaction 13, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: e7599846-be70-4035-bcce-042466ccc6a7 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 14:38:08.062515+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400
select l1_0.order_id,l1_0.line_no,l1_0.quantity,l1_0.sku,l1_0.unit_price_minor from orders.order_lines l1_0 where l1_0.order_id=$1;
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 5dc970b2-2b2f-4f36-bcbd-5fe5e58142d6 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 14:38:08.072844+00 | {"eventId":"dd1161ef-172e-44b4-bf41-e75cce6316af","orderId":"227e3264-138f-47... | PUBLISHED | 1 | 2026-11-25 14:38:08.072844+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 14:38:08.030552+00 | PAID | 2500 | b1df3ea5-6daa-44cf-b5af-737dec80fba2 | 1 | 227e3264-138f-4724-a9b9-98a5caa3b400 | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | 1 | 2026-11-25 14:38:08.071616+00 | PaymentCompleted | e7599846-be70-4035-bcce-042466ccc6a7 | PENDING_PAYMENT | PAID
COMMIT;

-- transaction 14, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 5dc970b2-2b2f-4f36-bcbd-5fe5e58142d6
COMMIT;

-- transaction 15, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 14:38:08.079049+00 | fe4de9a5-4607-4fa1-bbeb-3c19b899bd1f
COMMIT;

-- transaction 16, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: dd1161ef-172e-44b4-bf41-e75cce6316af | OrderStatusChanged | 2026-11-25 14:38:08.080844+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: 227e3264-138f-4724-a9b9-98a5caa3b400 | PAID | 2026-11-25 14:38:08.071616+00
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: dd1161ef-172e-44b4-bf41-e75cce6316af | OrderStatusChanged | 2026-11-25 14:38:08.08231+00 | order-history
COMMIT;

-- transaction 17, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 14:38:08.083611+00 | 5dc970b2-2b2f-4f36-bcbd-5fe5e58142d6
COMMIT;
