-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 7 transactions, 31 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: 12250009-1367-4160-b6b9-a383a4ab9f16
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: ab73be56-91d1-46bf-9f54-ff2cd0c5220e | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 21:14:34.23954+00 | {"eventId":"6fbada05-401d-4a81-8797-49276161bdf1","orderId":"bea2e368-9c76-41... | PUBLISHED | 1 | 2026-11-25 21:14:34.23954+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 226aeaf4-4a7d-4655-9856-02e5a7074614 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 21:14:34.240537+00 | {"eventId":"6fbada05-401d-4a81-8797-49276161bdf1","orderId":"bea2e368-9c76-41... | PUBLISHED | 1 | 2026-11-25 21:14:34.240537+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 21:14:34.23857+00 | PENDING_PAYMENT | 2500 | 12250009-1367-4160-b6b9-a383a4ab9f16 | 0 | bea2e368-9c76-4169-8dbe-9c3d67ea8ae1
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 0 | 2026-11-25 21:14:34.23857+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 6fbada05-401d-4a81-8797-49276161bdf1 | OrderPlaced | 2026-11-25 21:14:34.246307+00
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
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 12250009-1367-4160-b6b9-a383a4ab9f16 | 2026-11-25 21:14:34.23857+00 | EUR | 2500 | 2026-11-25 21:14:34.23857+00 | 12250009-1367-4160-b6b9-a383a4ab9f16
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 21:14:34.247447+00 | 226aeaf4-4a7d-4655-9856-02e5a7074614
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 6fbada05-401d-4a81-8797-49276161bdf1 | PaymentProcessor.on(ChargeRequest) | 2026-11-25 21:14:34.246599+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: 12250009-1367-4160-b6b9-a383a4ab9f16
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: fe07373b-e816-4fdc-978e-0c7db32fb39b | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 21:14:34.255583+00 | {"eventId":"51649344-963f-4e11-8ccc-35e540013752","paymentId":"95017009-78d4-... | PUBLISHED | 1 | 2026-11-25 21:14:34.255583+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 82fb3557-999c-4ba2-865c-72ab978ba530 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 21:14:34.258064+00 | {"eventId":"51649344-963f-4e11-8ccc-35e540013752","paymentId":"95017009-78d4-... | PUBLISHED | 1 | 2026-11-25 21:14:34.258064+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | EUR | CHARGE | 2026-11-25 21:14:34.253854+00 | 12250009-1367-4160-b6b9-a383a4ab9f16 | 0f739378-50bf-47f4-8fe7-9fbc2c4a64af
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | EUR | NULL | 2026-11-25 21:14:34.253854+00 | COMPLETED | 12250009-1367-4160-b6b9-a383a4ab9f16 | 95017009-78d4-4ff6-97a5-30e65d7414a6
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 21:14:23.699005+00 | 2 | 12250009-1367-4160-b6b9-a383a4ab9f16 | 1
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 21:14:34.261666+00 | ab73be56-91d1-46bf-9f54-ff2cd0c5220e
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 51649344-963f-4e11-8ccc-35e540013752 | PaymentCompleted | 2026-11-25 21:14:34.263675+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 2500 | EUR
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 21:14:34.266954+00 | fe07373b-e816-4fdc-978e-0c7db32fb39b
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 51649344-963f-4e11-8ccc-35e540013752 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 21:14:34.264227+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: e915af8f-979d-45a4-bcbd-b1b7d723e296 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 21:14:34.271859+00 | {"eventId":"9f7f57eb-a9c5-4994-b37a-504c5f7a092f","orderId":"bea2e368-9c76-41... | PUBLISHED | 1 | 2026-11-25 21:14:34.271859+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 21:14:34.23857+00 | PAID | 2500 | 12250009-1367-4160-b6b9-a383a4ab9f16 | 1 | bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | 1 | 2026-11-25 21:14:34.271049+00 | PaymentCompleted | 51649344-963f-4e11-8ccc-35e540013752 | PENDING_PAYMENT | PAID
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 21:14:34.274854+00 | 82fb3557-999c-4ba2-865c-72ab978ba530
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 9f7f57eb-a9c5-4994-b37a-504c5f7a092f | OrderStatusChanged | 2026-11-25 21:14:34.276826+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: bea2e368-9c76-4169-8dbe-9c3d67ea8ae1 | PAID | 2026-11-25 21:14:34.271049+00
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 21:14:34.278592+00 | e915af8f-979d-45a4-bcbd-b1b7d723e296
COMMIT;
