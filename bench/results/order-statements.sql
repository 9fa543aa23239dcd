-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 17 transactions, 40 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 24394ad5-2584-4545-b99f-bd01b3cb7f19 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 12:27:43.522716+00 | {"eventId":"c4a0e3ab-7912-405f-bdf6-5300cc411d91","orderId":"fe8ce2e5-759b-4c... | PUBLISHED | 1 | 2026-11-25 12:27:43.522716+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: a3db2936-1c37-47ee-a458-167fcf608b02 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 12:27:43.525005+00 | {"eventId":"c4a0e3ab-7912-405f-bdf6-5300cc411d91","orderId":"fe8ce2e5-759b-4c... | PUBLISHED | 1 | 2026-11-25 12:27:43.525005+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 12:27:43.521107+00 | PENDING_PAYMENT | 2500 | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5 | 0 | fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 0 | 2026-11-25 12:27:43.521107+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: a3db2936-1c37-47ee-a458-167fcf608b02
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 24394ad5-2584-4545-b99f-bd01b3cb7f19
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: c4a0e3ab-7912-405f-bdf6-5300cc411d91 | OrderPlaced | 2026-11-25 12:27:43.532448+00
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
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5 | 2026-11-25 12:27:43.521107+00 | EUR | 2500 | 2026-11-25 12:27:43.521107+00 | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: c4a0e3ab-7912-405f-bdf6-5300cc411d91 | OrderPlaced | 2026-11-25 12:27:43.535804+00 | order-history
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:27:43.537443+00 | a3db2936-1c37-47ee-a458-167fcf608b02
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: c4a0e3ab-7912-405f-bdf6-5300cc411d91 | PaymentProcessor.on(ChargeRequest) | 2026-11-25 12:27:43.539834+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 9a79ec3b-cf65-4b3c-a400-15bce6fd8386 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 12:27:43.54936+00 | {"eventId":"f5f27d01-cb6e-414f-a427-af4724d82d70","paymentId":"d6a71b74-ada8-... | PUBLISHED | 1 | 2026-11-25 12:27:43.54936+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 598a7a89-7e45-4bbe-bc4e-09b5f40e6f5e | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 12:27:43.551109+00 | {"eventId":"f5f27d01-cb6e-414f-a427-af4724d82d70","paymentId":"d6a71b74-ada8-... | PUBLISHED | 1 | 2026-11-25 12:27:43.551109+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | EUR | CHARGE | 2026-11-25 12:27:43.548371+00 | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5 | 9a9b0eb2-fd8f-4e5e-ac37-fbc061e5ff98
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | EUR | NULL | 2026-11-25 12:27:43.548371+00 | COMPLETED | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5 | d6a71b74-ada8-471d-b21b-6cf5a9977845
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 12:27:40.259908+00 | 2 | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5 | 1
COMMIT;

-- transaction 8, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 9a79ec3b-cf65-4b3c-a400-15bce6fd8386
COMMIT;

-- transaction 9, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: f5f27d01-cb6e-414f-a427-af4724d82d70 | PaymentCompleted | 2026-11-25 12:27:43.557329+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 2500 | EUR
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: f5f27d01-cb6e-414f-a427-af4724d82d70 | PaymentCompleted | 2026-11-25 12:27:43.558719+00 | order-history
COMMIT;

-- transaction 10, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 598a7a89-7e45-4bbe-bc4e-09b5f40e6f5e
COMMIT;

-- transaction 11, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:27:43.559579+00 | 24394ad5-2584-4545-b99f-bd01b3cb7f19
COMMIT;

-- transaction 12, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:27:43.561711+00 | 9a79ec3b-cf65-4b3c-a400-15bce6fd8386
COMMIT;

-- transaction 13, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: f5f27d01-cb6e-414f-a427-af4724d82d70 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 12:27:43.562191+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8
select l1_0.order_id,l1_0.line_no,l1_0.quantity,l1_0.sku,l1_0.unit_price_minor from orders.order_lines l1_0 where l1_0.order_id=$1;
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 8238dd1b-13e5-4be7-812c-14a356d6d583 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 12:27:43.569731+00 | {"eventId":"cba4a8c4-da8e-4d97-ba84-80df908c24f9","orderId":"fe8ce2e5-759b-4c... | PUBLISHED | 1 | 2026-11-25 12:27:43.569731+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 12:27:43.521107+00 | PAID | 2500 | 24e9eed6-fcf3-4ce0-bb50-72d5aae67ee5 | 1 | fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | 1 | 2026-11-25 12:27:43.568479+00 | PaymentCompleted | f5f27d01-cb6e-414f-a427-af4724d82d70 | PENDING_PAYMENT | PAID
COMMIT;

-- transaction 14, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 8238dd1b-13e5-4be7-812c-14a356d6d583
COMMIT;

-- transaction 15, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:27:43.575332+00 | 598a7a89-7e45-4bbe-bc4e-09b5f40e6f5e
COMMIT;

-- transaction 16, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: cba4a8c4-da8e-4d97-ba84-80df908c24f9 | OrderStatusChanged | 2026-11-25 12:27:43.576573+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: fe8ce2e5-759b-4cb5-ad11-49c2404b7ee8 | PAID | 2026-11-25 12:27:43.568479+00
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: cba4a8c4-da8e-4d97-ba84-80df908c24f9 | OrderStatusChanged | 2026-11-25 12:27:43.577873+00 | order-history
COMMIT;

-- transaction 17, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:27:43.578549+00 | 8238dd1b-13e5-4be7-812c-14a356d6d583
COMMIT;
