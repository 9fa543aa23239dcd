-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 7 transactions, 31 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: 87637665-61a9-4a52-bed4-2c8f3c5c8485
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: fe8629dd-27f7-404a-b5a2-cfc1bd5b3561 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 19:21:13.610052+00 | {"eventId":"f3eb3040-20bc-462d-9c74-bdd53beb22d8","orderId":"15943156-96cf-4d... | PUBLISHED | 1 | 2026-11-25 19:21:13.610052+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: c235e604-b426-4231-b62a-3558d00ff7e8 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 19:21:13.613105+00 | {"eventId":"f3eb3040-20bc-462d-9c74-bdd53beb22d8","orderId":"15943156-96cf-4d... | PUBLISHED | 1 | 2026-11-25 19:21:13.613105+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 19:21:13.609012+00 | PENDING_PAYMENT | 2500 | 87637665-61a9-4a52-bed4-2c8f3c5c8485 | 0 | 15943156-96cf-4d9f-8e67-79e438eefdd1
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | 0 | 2026-11-25 19:21:13.609012+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: f3eb3040-20bc-462d-9c74-bdd53beb22d8 | OrderPlaced | 2026-11-25 19:21:13.621617+00
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
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | 87637665-61a9-4a52-bed4-2c8f3c5c8485 | 2026-11-25 19:21:13.609012+00 | EUR | 2500 | 2026-11-25 19:21:13.609012+00 | 87637665-61a9-4a52-bed4-2c8f3c5c8485
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:21:13.624158+00 | c235e604-b426-4231-b62a-3558d00ff7e8
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: f3eb3040-20bc-462d-9c74-bdd53beb22d8 | PaymentProcessor.on(ChargeRequest) | 2026-11-25 19:21:13.621911+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: 87637665-61a9-4a52-bed4-2c8f3c5c8485
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: cfd420f7-eed5-450b-9235-7195cdb2a064 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 19:21:13.629265+00 | {"eventId":"ef62987e-c2da-4e09-af3f-e511a20bd6d2","paymentId":"67d9ba02-55ad-... | PUBLISHED | 1 | 2026-11-25 19:21:13.629265+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: e6c4edbe-a947-4cc8-be00-3fdc8e77bcd9 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 19:21:13.630268+00 | {"eventId":"ef62987e-c2da-4e09-af3f-e511a20bd6d2","paymentId":"67d9ba02-55ad-... | PUBLISHED | 1 | 2026-11-25 19:21:13.630268+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | 15943156-96cf-4d9f-8e67-79e438eefdd1 | EUR | CHARGE | 2026-11-25 19:21:13.628606+00 | 87637665-61a9-4a52-bed4-2c8f3c5c8485 | f724d02d-1261-4945-92cf-bae1ada481d6
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | 15943156-96cf-4d9f-8e67-79e438eefdd1 | EUR | NULL | 2026-11-25 19:21:13.628606+00 | COMPLETED | 87637665-61a9-4a52-bed4-2c8f3c5c8485 | 67d9ba02-55ad-4b24-9a21-937d8c78fcc8
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 19:21:07.911289+00 | 2 | 87637665-61a9-4a52-bed4-2c8f3c5c8485 | 1
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:21:13.633285+00 | fe8629dd-27f7-404a-b5a2-cfc1bd5b3561
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: ef62987e-c2da-4e09-af3f-e511a20bd6d2 | PaymentCompleted | 2026-11-25 19:21:13.634582+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | 2500 | EUR
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:21:13.635971+00 | cfd420f7-eed5-450b-9235-7195cdb2a064
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: ef62987e-c2da-4e09-af3f-e511a20bd6d2 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 19:21:13.636436+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 05ddd58a-6221-4e2d-b210-e44cd77b932e | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 19:21:13.64078+00 | {"eventId":"b615f58f-392d-4c2b-9d7e-e197e706c379","orderId":"15943156-96cf-4d... | PUBLISHED | 1 | 2026-11-25 19:21:13.64078+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 19:21:13.609012+00 | PAID | 2500 | 87637665-61a9-4a52-bed4-2c8f3c5c8485 | 1 | 15943156-96cf-4d9f-8e67-79e438eefdd1 | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | 1 | 2026-11-25 19:21:13.640246+00 | PaymentCompleted | ef62987e-c2da-4e09-af3f-e511a20bd6d2 | PENDING_PAYMENT | PAID
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:21:13.647232+00 | e6c4edbe-a947-4cc8-be00-3fdc8e77bcd9
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: b615f58f-392d-4c2b-9d7e-e197e706c379 | OrderStatusChanged | 2026-11-25 19:21:13.648506+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: 15943156-96cf-4d9f-8e67-79e438eefdd1 | PAID | 2026-11-25 19:21:13.640246+00
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:21:13.649049+00 | 05ddd58a-6221-4e2d-b210-e44cd77b932e
COMMIT;
