-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).
-- 7 transactions, 31 statements.

-- transaction 1, session: SET ROLE "bulkhead_user_app"
BEGIN READ ONLY;
select u1_0.id,u1_0.active,u1_0.email,u1_0.name,u1_0.registered_at,u1_0.version from users.users u1_0 where u1_0.id=$1;
--   parameters: fcbbfd8d-b747-4e99-9383-dbaf0fe0a067
COMMIT;

-- transaction 2, session: SET ROLE "bulkhead_order_app"
BEGIN;
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 50b5c1fa-6120-480f-aedb-d7fc9fffa2f0 | dev.bulkhead.order.OrderPlaced | dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.Charge... | 2026-11-25 16:28:02.164325+00 | {"eventId":"0c2a3486-3379-4527-bcd7-49fd82420cc5","orderId":"61376350-b281-4c... | PUBLISHED | 1 | 2026-11-25 16:28:02.164325+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 18c7d44d-b688-4deb-acff-876a0c9e638b | dev.bulkhead.order.OrderPlaced | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 16:28:02.165612+00 | {"eventId":"0c2a3486-3379-4527-bcd7-49fd82420cc5","orderId":"61376350-b281-4c... | PUBLISHED | 1 | 2026-11-25 16:28:02.165612+00
insert into orders.orders (currency,placed_at,status,total_minor,user_id,version,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: EUR | 2026-11-25 16:28:02.163202+00 | PENDING_PAYMENT | 2500 | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067 | 0 | 61376350-b281-4c57-9393-08f4b6f0246f
insert into orders.order_lines (order_id,line_no,quantity,sku,unit_price_minor) values ($1,$2,$3,$4,$5);
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | 0 | 2 | BOOK-1 | 1250
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | 0 | 2026-11-25 16:28:02.163202+00 | PlaceOrder request | NULL | NULL | PENDING_PAYMENT
COMMIT;

-- transaction 3, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 0c2a3486-3379-4527-bcd7-49fd82420cc5 | OrderPlaced | 2026-11-25 16:28:02.172831+00
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
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067 | 2026-11-25 16:28:02.163202+00 | EUR | 2500 | 2026-11-25 16:28:02.163202+00 | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 16:28:02.174043+00 | 18c7d44d-b688-4deb-acff-876a0c9e638b
COMMIT;

-- transaction 4, session: SET ROLE "bulkhead_billing_app"
BEGIN;
insert into billing.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 0c2a3486-3379-4527-bcd7-49fd82420cc5 | PaymentProcessor.on(ChargeRequest) | 2026-11-25 16:28:02.174957+00
select a1_0.user_id,a1_0.active,a1_0.balance_minor,a1_0.currency,a1_0.email,a1_0.name,a1_0.opened_at,a1_0.version from billing.accounts a1_0 where a1_0.user_id=$1 for no key update of a1_0;
--   parameters: fcbbfd8d-b747-4e99-9383-dbaf0fe0a067
select p1_0.id from billing.payments p1_0 where p1_0.charge_reference=$1 fetch first $2 rows only;
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | 1
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: 10f4f6c0-394f-4bee-9942-c561cf2210b8 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.... | 2026-11-25 16:28:02.186873+00 | {"eventId":"8bf96160-9b43-4190-bd7a-ca950415c520","paymentId":"9b9356a9-ee92-... | PUBLISHED | 1 | 2026-11-25 16:28:02.186873+00
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: a47b5961-2eb2-4da3-8546-719e1f705dd7 | dev.bulkhead.billing.PaymentCompleted | dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCo... | 2026-11-25 16:28:02.187703+00 | {"eventId":"8bf96160-9b43-4190-bd7a-ca950415c520","paymentId":"9b9356a9-ee92-... | PUBLISHED | 1 | 2026-11-25 16:28:02.187703+00
insert into billing.ledger_entries (amount_minor,charge_reference,currency,kind,occurred_at,user_id,id) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: -2500 | 61376350-b281-4c57-9393-08f4b6f0246f | EUR | CHARGE | 2026-11-25 16:28:02.185948+00 | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067 | 3bcd506b-1eea-436b-ad27-f0d4a6f6b7a2
insert into billing.payments (amount_minor,charge_reference,currency,failure_reason,occurred_at,status,user_id,id) values ($1,$2,$3,$4,$5,$6,$7,$8);
--   parameters: 2500 | 61376350-b281-4c57-9393-08f4b6f0246f | EUR | NULL | 2026-11-25 16:28:02.185948+00 | COMPLETED | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067 | 9b9356a9-ee92-4136-bace-509b6b6bdff5
update billing.accounts set active=$1,balance_minor=$2,currency=$3,email=$4,name=$5,opened_at=$6,version=$7 where user_id=$8 and version=$9;
--   parameters: t | 999997500 | EUR | capture@bench.invalid | Bench Customer | 2026-11-25 16:27:59.011861+00 | 2 | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067 | 1
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 16:28:02.192646+00 | 50b5c1fa-6120-480f-aedb-d7fc9fffa2f0
COMMIT;

-- transaction 5, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 8bf96160-9b43-4190-bd7a-ca950415c520 | PaymentCompleted | 2026-11-25 16:28:02.194173+00
INSERT INTO order_history.orders (order_id, paid_minor, currency, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET paid_minor = EXCLUDED.paid_minor, updated_at = now();
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | 2500 | EUR
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 16:28:02.196226+00 | 10f4f6c0-394f-4bee-9942-c561cf2210b8
COMMIT;

-- transaction 6, session: SET ROLE "bulkhead_order_app"
BEGIN;
insert into orders.applied_events (event_id, handler, applied_at) values ($1, $2, $3) on conflict do nothing;
--   parameters: 8bf96160-9b43-4190-bd7a-ca950415c520 | PaymentOutcomes.on(PaymentCompleted) | 2026-11-25 16:28:02.194832+00
select o1_0.id,o1_0.currency,o1_0.placed_at,o1_0.status,o1_0.total_minor,o1_0.user_id,o1_0.version from orders.orders o1_0 where o1_0.id=$1 for no key update of o1_0;
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f
select t1_0.order_id,t1_0.seq,t1_0.occurred_at,t1_0.cause,t1_0.cause_event_id,t1_0.from_status,t1_0.to_status from orders.order_transitions t1_0 where t1_0.order_id=$1;
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f
INSERT INTO events.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
--   parameters: f389e15b-53bd-4a53-abca-86e31ab48d70 | dev.bulkhead.order.OrderStatusChanged | dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.Or... | 2026-11-25 16:28:02.199774+00 | {"eventId":"0f7193f7-577b-4838-ba61-d01ac7edc7f3","orderId":"61376350-b281-4c... | PUBLISHED | 1 | 2026-11-25 16:28:02.199774+00
update orders.orders set currency=$1,placed_at=$2,status=$3,total_minor=$4,user_id=$5,version=$6 where id=$7 and version=$8;
--   parameters: EUR | 2026-11-25 16:28:02.163202+00 | PAID | 2500 | fcbbfd8d-b747-4e99-9383-dbaf0fe0a067 | 1 | 61376350-b281-4c57-9393-08f4b6f0246f | 0
insert into orders.order_transitions (order_id,seq,occurred_at,cause,cause_event_id,from_status,to_status) values ($1,$2,$3,$4,$5,$6,$7);
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | 1 | 2026-11-25 16:28:02.198954+00 | PaymentCompleted | 8bf96160-9b43-4190-bd7a-ca950415c520 | PENDING_PAYMENT | PAID
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 16:28:02.202499+00 | a47b5961-2eb2-4da3-8546-719e1f705dd7
COMMIT;

-- transaction 7, session: SET ROLE "bulkhead_history_app"
BEGIN;
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING;
--   parameters: 0f7193f7-577b-4838-ba61-d01ac7edc7f3 | OrderStatusChanged | 2026-11-25 16:28:02.203606+00
INSERT INTO order_history.orders (order_id, status, status_at, updated_at) VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at, updated_at = now()
WHERE order_history.orders.status_at IS NULL OR order_history.orders.status_at <= EXCLUDED.status_at;
--   parameters: 61376350-b281-4c57-9393-08f4b6f0246f | PAID | 2026-11-25 16:28:02.198954+00
UPDATE events.EVENT_PUBLICATION SET STATUS = 'COMPLETED', COMPLETION_DATE = $1 WHERE ID = $2;
--   parameters: 2026-11-25 16:28:02.204801+00 | f389e15b-53bd-4a53-abca-86e31ab48d70
COMMIT;
