-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 17 transactions, 40 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: 76bfdf54-a3e8-4aa0-83dd-88edd555fad3
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 028aa561-1592-4b35-9064-8450627c42cd | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 12:57:07.02747+00 | {"eventId":"c73b8a42-d535-4d57-bbd4-e48867d815bd","orderId":"187a8877-cffe-48... | PUBLISHED | 1 | 2026-11-25 12:57:07.02747+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: a6f37860-af48-41aa-b40e-22c8e3d56b16 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 12:57:07.028454+00 | {"eventId":"c73b8a42-d535-4d57-bbd4-e48867d815bd","orderId":"187a8877-cffe-48... | PUBLISHED | 1 | 2026-11-25 12:57:07.028454+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 12:57:07.026654+00 | PENDING_PAYMENT | 2500 | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3 | 0 | 187a8877-cffe-480e-aed1-2b53ec72e030
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | 0 | 2026-11-25 12:57:07.026654+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: a6f37860-af48-41aa-b40e-22c8e3d56b16
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 028aa561-1592-4b35-9064-8450627c42cd
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: c73b8a42-d535-4d57-bbd4-e48867d815bd | OrderPlaced | 2026-11-25 12:57:07.037038+00
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
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3 | 2026-11-25 12:57:07.026654+00 | EUR | 2500 | 2026-11-25 12:57:07.026654+00 | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: c73b8a42-d535-4d57-bbd4-e48867d815bd | OrderPlaced | 2026-11-25 12:57:07.039574+00 | order-history
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:57:07.040351+00 | a6f37860-af48-41aa-b40e-22c8e3d56b16
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: c73b8a42-d535-4d57-bbd4-e48867d815bd | PaymentProcessor.on(ChargeRequest) | 2026-11-25 12:57:07.03879+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: 76bfdf54-a3e8-4aa0-83dd-88edd555fad3
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 5ed21956-3303-4639-b5f8-633be350d792 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 12:57:07.045569+00 | {"eventId":"8e1185bf-644c-41fc-9cd7-c223c9be97f9","paymentId":"256fcfb0-bb37-... | PUBLISHED | 1 | 2026-11-25 12:57:07.045569+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 1c2e9e00-95c7-4e57-8482-d8bad144f995 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 12:57:07.046623+00 | {"eventId":"8e1185bf-644c-41fc-9cd7-c223c9be97f9","paymentId":"256fcfb0-bb37-... | PUBLISHED | 1 | 2026-11-25 12:57:07.046623+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | 187a8877-cffe-480e-aed1-2b53ec72e030 | EUR | CHARGE | 2026-11-25 12:57:07.04389+00 | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3 | 7643b4e3-b032-4b99-b616-8d374cd8653e
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | 187a8877-cffe-480e-aed1-2b53ec72e030 | EUR | NULL | 2026-11-25 12:57:07.04389+00 | COMPLETED | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3 | 256fcfb0-bb37-4c5f-a8fb-cc11d58dafd2
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 12:57:03.831237+00 | 2 | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3 | 1
COMMIT;

-- transaction 8, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 5ed21956-3303-4639-b5f8-633be350d792
COMMIT;

-- transaction 9, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 1c2e9e00-95c7-4e57-8482-d8bad144f995
COMMIT;

-- transaction 10, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:57:07.053322+00 | 028aa561-1592-4b35-9064-8450627c42cd
COMMIT;

-- transaction 11, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 8e1185bf-644c-41fc-9cd7-c223c9be97f9 | PaymentCompleted | 2026-11-25 12:57:07.05462+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | 2500 | EUR
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 8e1185bf-644c-41fc-9cd7-c223c9be97f9 | PaymentCompleted | 2026-11-25 12:57:07.055629+00 | order-history
COMMIT;

-- transaction 12, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:57:07.056309+00 | 5ed21956-3303-4639-b5f8-633be350d792
COMMIT;

-- transaction 13, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 8e1185bf-644c-41fc-9cd7-c223c9be97f9 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 12:57:07.052538+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030
select l1_0.order_id,l1_0.line_no,l1_0.quantity,l1_0.sku,l1_0.unit_price_minor from orders.order_lines l1_0 where l1_0.order_id=$1;
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: a6db0269-c5ed-43c6-889c-2b6cc5cc0672 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 12:57:07.061025+00 | {"eventId":"f0aaa607-078f-4caa-a4b8-477774de1697","orderId":"187a8877-cffe-48... | PUBLISHED | 1 | 2026-11-25 12:57:07.061025+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 12:57:07.026654+00 | PAID | 2500 | 76bfdf54-a3e8-4aa0-83dd-88edd555fad3 | 1 | 187a8877-cffe-480e-aed1-2b53ec72e030 | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | 1 | 2026-11-25 12:57:07.059863+00 | PaymentCompleted | 8e1185bf-644c-41fc-9cd7-c223c9be97f9 | PENDING_PAYMENT | PAID
COMMIT;

-- transaction 14, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:57:07.065586+00 | 1c2e9e00-95c7-4e57-8482-d8bad144f995
COMMIT;

-- transaction 15, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: a6db0269-c5ed-43c6-889c-2b6cc5cc0672
COMMIT;

-- transaction 16, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: f0aaa607-078f-4caa-a4b8-477774de1697 | OrderStatusChanged | 2026-11-25 12:57:07.068715+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: 187a8877-cffe-480e-aed1-2b53ec72e030 | PAID | 2026-11-25 12:57:07.059863+00
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: f0aaa607-078f-4caa-a4b8-477774de1697 | OrderStatusChanged | 2026-11-25 12:57:07.069524+00 | order-history
COMMIT;

-- transaction 17, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 12:57:07.070645+00 | a6db0269-c5ed-43c6-889c-2b6cc5cc0672
COMMIT;
