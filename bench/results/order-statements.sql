-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 18 transactions, 43 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN;
BEGIN READ ONLY;
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_user_app"
BEGIN;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: c8a22957-3294-4c4b-bfed-e0a16a2c2054
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 78957978-609b-44f9-832b-d73e13d16ba8 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 11:56:57.592348+00 | {"eventId":"a9744d88-37fa-4181-ad51-fe3c5a599b79","orderId":"f0f0410d-1391-48... | PUBLISHED | 1 | 2026-11-25 11:56:57.592348+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 186da98d-aaf1-4eb1-82b6-567e64695738 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 11:56:57.595537+00 | {"eventId":"a9744d88-37fa-4181-ad51-fe3c5a599b79","orderId":"f0f0410d-1391-48... | PUBLISHED | 1 | 2026-11-25 11:56:57.595537+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 11:56:57.589989+00 | PENDING_PAYMENT | 2500 | c8a22957-3294-4c4b-bfed-e0a16a2c2054 | 0 | f0f0410d-1391-4844-b944-224db8595c7b
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | 0 | 2026-11-25 11:56:57.589989+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 186da98d-aaf1-4eb1-82b6-567e64695738
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: 78957978-609b-44f9-832b-d73e13d16ba8
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: a9744d88-37fa-4181-ad51-fe3c5a599b79 | OrderPlaced | 2026-11-25 11:56:57.609331+00
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
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | c8a22957-3294-4c4b-bfed-e0a16a2c2054 | 2026-11-25 11:56:57.589989+00 | EUR | 2500 | 2026-11-25 11:56:57.589989+00 | c8a22957-3294-4c4b-bfed-e0a16a2c2054
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: a9744d88-37fa-4181-ad51-fe3c5a599b79 | OrderPlaced | 2026-11-25 11:56:57.611927+00 | order-history
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 11:56:57.614271+00 | 186da98d-aaf1-4eb1-82b6-567e64695738
COMMIT;

-- transaction 8, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: a9744d88-37fa-4181-ad51-fe3c5a599b79 | PaymentProcessor.on(ChargeRequest) | 2026-11-25 11:56:57.615132+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: c8a22957-3294-4c4b-bfed-e0a16a2c2054
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | 1
select le1_0.id,le1_0.amount_minor,le1_0.charge_reference,le1_0.currency,le1_0.kind,le1_0.occurred_at,le1_0.user_id from billing.ledger_entries le1_0 where le1_0.id=$1;
--   parameters: 91bd7521-61f3-4ba7-8a37-3bf3588f1898
select p1_0.id,p1_0.amount_minor,p1_0.charge_reference,p1_0.currency,p1_0.failure_reason,p1_0.occurred_at,p1_0.status,p1_0.user_id from billing.payments p1_0 where p1_0.id=$1;
--   parameters: b1bd31b5-2b93-445b-a2da-536f01f928bd
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: e7e475f6-0797-4651-9844-e4ab1492abe1 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 11:56:57.623746+00 | {"eventId":"6d91d33b-06bb-4c2c-8655-2a5847ae1a7c","paymentId":"b1bd31b5-2b93-... | PUBLISHED | 1 | 2026-11-25 11:56:57.623746+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: a7dc57d7-b9df-41ad-9003-b8c7dc136e0c | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 11:56:57.626911+00 | {"eventId":"6d91d33b-06bb-4c2c-8655-2a5847ae1a7c","paymentId":"b1bd31b5-2b93-... | PUBLISHED | 1 | 2026-11-25 11:56:57.626911+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | f0f0410d-1391-4844-b944-224db8595c7b | EUR | CHARGE | 2026-11-25 11:56:57.62049+00 | c8a22957-3294-4c4b-bfed-e0a16a2c2054 | 91bd7521-61f3-4ba7-8a37-3bf3588f1898
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | f0f0410d-1391-4844-b944-224db8595c7b | EUR | NULL | 2026-11-25 11:56:57.62049+00 | COMPLETED | c8a22957-3294-4c4b-bfed-e0a16a2c2054 | b1bd31b5-2b93-445b-a2da-536f01f928bd
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 11:56:55.381201+00 | 2 | c8a22957-3294-4c4b-bfed-e0a16a2c2054 | 1
COMMIT;

-- transaction 9, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: e7e475f6-0797-4651-9844-e4ab1492abe1
COMMIT;

-- transaction 10, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 6d91d33b-06bb-4c2c-8655-2a5847ae1a7c | PaymentCompleted | 2026-11-25 11:56:57.639301+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | 2500 | EUR
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 6d91d33b-06bb-4c2c-8655-2a5847ae1a7c | PaymentCompleted | 2026-11-25 11:56:57.640229+00 | order-history
COMMIT;

-- transaction 11, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 11:56:57.64088+00 | e7e475f6-0797-4651-9844-e4ab1492abe1
COMMIT;

-- transaction 12, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 11:56:57.638216+00 | 78957978-609b-44f9-832b-d73e13d16ba8
COMMIT;

-- transaction 13, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: a7dc57d7-b9df-41ad-9003-b8c7dc136e0c
COMMIT;

-- transaction 14, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 6d91d33b-06bb-4c2c-8655-2a5847ae1a7c | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 11:56:57.645067+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b
select l1_0.order_id,l1_0.line_no,l1_0.quantity,l1_0.sku,l1_0.unit_price_minor from orders.order_lines l1_0 where l1_0.order_id=$1;
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: b9cf52c9-7853-4b71-a709-4fc143b89303 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 11:56:57.653092+00 | {"eventId":"02b4b660-995e-4e22-9961-d4e55ce0e8ef","orderId":"f0f0410d-1391-48... | PUBLISHED | 1 | 2026-11-25 11:56:57.653092+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 11:56:57.589989+00 | PAID | 2500 | c8a22957-3294-4c4b-bfed-e0a16a2c2054 | 1 | f0f0410d-1391-4844-b944-224db8595c7b | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | 1 | 2026-11-25 11:56:57.651719+00 | PaymentCompleted | 6d91d33b-06bb-4c2c-8655-2a5847ae1a7c | PENDING_PAYMENT | PAID
COMMIT;

-- transaction 15, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = $1 AND STATUS != 'PROCESSING';
--   parameters: b9cf52c9-7853-4b71-a709-4fc143b89303
COMMIT;

-- transaction 16, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 11:56:57.659279+00 | a7dc57d7-b9df-41ad-9003-b8c7dc136e0c
COMMIT;

-- transaction 17, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 02b4b660-995e-4e22-9961-d4e55ce0e8ef | OrderStatusChanged | 2026-11-25 11:56:57.660406+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: f0f0410d-1391-4844-b944-224db8595c7b | PAID | 2026-11-25 11:56:57.651719+00
UPDATE order_history.projection_state SET last_event_id = $1, last_event_type = $2, last_applied_at = $3, events_applied = events_applied + 1 WHERE projection = $4;
--   parameters: 02b4b660-995e-4e22-9961-d4e55ce0e8ef | OrderStatusChanged | 2026-11-25 11:56:57.661653+00 | order-history
COMMIT;

-- transaction 18, session: SET ROLE "bulkhead_events_app"
BEGIN;
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 11:56:57.662492+00 | b9cf52c9-7853-4b71-a709-4fc143b89303
COMMIT;
