-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 7 transactions, 31 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: f262b915-c46a-4b2b-8e1c-40789f0e452f
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 6b663f5c-70e0-4942-8214-62335d183566 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 19:04:03.688519+00 | {"eventId":"a28821a4-3e5b-4730-bae7-2781e9689217","orderId":"e279081a-f416-4b... | PUBLISHED | 1 | 2026-11-25 19:04:03.688519+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 8699b489-702b-4a2b-b055-a46b0740b4a9 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 19:04:03.689396+00 | {"eventId":"a28821a4-3e5b-4730-bae7-2781e9689217","orderId":"e279081a-f416-4b... | PUBLISHED | 1 | 2026-11-25 19:04:03.689396+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 19:04:03.687685+00 | PENDING_PAYMENT | 2500 | f262b915-c46a-4b2b-8e1c-40789f0e452f | 0 | e279081a-f416-4b86-aa01-66787ceddced
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | 0 | 2026-11-25 19:04:03.687685+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: a28821a4-3e5b-4730-bae7-2781e9689217 | OrderPlaced | 2026-11-25 19:04:03.698255+00
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
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | f262b915-c46a-4b2b-8e1c-40789f0e452f | 2026-11-25 19:04:03.687685+00 | EUR | 2500 | 2026-11-25 19:04:03.687685+00 | f262b915-c46a-4b2b-8e1c-40789f0e452f
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:04:03.700234+00 | 8699b489-702b-4a2b-b055-a46b0740b4a9
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: a28821a4-3e5b-4730-bae7-2781e9689217 | PaymentProcessor.on(ChargeRequest) | 2026-11-25 19:04:03.695125+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: f262b915-c46a-4b2b-8e1c-40789f0e452f
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 4c471f0e-4f4f-408c-b43a-d5c13ba4a953 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 19:04:03.70733+00 | {"eventId":"65afdcfb-2ef7-43df-81fc-74dc155e24b6","paymentId":"19a155f4-2d38-... | PUBLISHED | 1 | 2026-11-25 19:04:03.70733+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 52c40006-31f4-4391-8d6f-6b1c65f4da65 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 19:04:03.707848+00 | {"eventId":"65afdcfb-2ef7-43df-81fc-74dc155e24b6","paymentId":"19a155f4-2d38-... | PUBLISHED | 1 | 2026-11-25 19:04:03.707848+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | e279081a-f416-4b86-aa01-66787ceddced | EUR | CHARGE | 2026-11-25 19:04:03.706631+00 | f262b915-c46a-4b2b-8e1c-40789f0e452f | 46801316-345a-4c62-bdbc-4ca58d243fd6
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | e279081a-f416-4b86-aa01-66787ceddced | EUR | NULL | 2026-11-25 19:04:03.706631+00 | COMPLETED | f262b915-c46a-4b2b-8e1c-40789f0e452f | 19a155f4-2d38-4754-a85b-53cee1334ce9
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 19:03:57.915288+00 | 2 | f262b915-c46a-4b2b-8e1c-40789f0e452f | 1
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:04:03.711055+00 | 6b663f5c-70e0-4942-8214-62335d183566
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 65afdcfb-2ef7-43df-81fc-74dc155e24b6 | PaymentCompleted | 2026-11-25 19:04:03.713389+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | 2500 | EUR
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:04:03.714171+00 | 4c471f0e-4f4f-408c-b43a-d5c13ba4a953
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 65afdcfb-2ef7-43df-81fc-74dc155e24b6 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 19:04:03.713405+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: e279081a-f416-4b86-aa01-66787ceddced
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: e279081a-f416-4b86-aa01-66787ceddced
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 4725c7cd-0b46-4d52-8a78-1037a931ccc8 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 19:04:03.7186+00 | {"eventId":"752663c1-6212-46d3-b314-bc0748bb6e7b","orderId":"e279081a-f416-4b... | PUBLISHED | 1 | 2026-11-25 19:04:03.7186+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 19:04:03.687685+00 | PAID | 2500 | f262b915-c46a-4b2b-8e1c-40789f0e452f | 1 | e279081a-f416-4b86-aa01-66787ceddced | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | 1 | 2026-11-25 19:04:03.717866+00 | PaymentCompleted | 65afdcfb-2ef7-43df-81fc-74dc155e24b6 | PENDING_PAYMENT | PAID
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:04:03.726149+00 | 52c40006-31f4-4391-8d6f-6b1c65f4da65
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 752663c1-6212-46d3-b314-bc0748bb6e7b | OrderStatusChanged | 2026-11-25 19:04:03.727539+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: e279081a-f416-4b86-aa01-66787ceddced | PAID | 2026-11-25 19:04:03.717866+00
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 19:04:03.728303+00 | 4725c7cd-0b46-4d52-8a78-1037a931ccc8
COMMIT;
