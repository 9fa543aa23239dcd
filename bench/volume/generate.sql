-- The volume rehearsal's data generator (issue 22, ADR 0040): fills the schemas of a migrated Bulkhead database with
-- {{orders}} orders of {{users}} customers placed over the last {{days}} days, as the running application would have
-- left them: users, billing's accounts (balance = the sum of the ledger), ledger entries chained as the trigger of
-- db/billing/V4 chains them, payments, orders with their lines and timelines, billing's copy of the users, the order
-- history read model, and the bookkeeping every delivery and request leaves behind (inbox marks of every module,
-- idempotency keys, completed event publications of the last {{publication_days}} days, failure records, broker
-- replay marks), with ages spread over the whole period so that pruning has real work.
--
-- Set-based SQL only (generate_series, INSERT ... SELECT): no HTTP, no JPA. Run by VolumeGenerator (bench driver and
-- RequestPathIndexTests), statement by statement; a line "-- step: name" starts a timed step. As the superuser or the
-- schemas' owner roles: the rows go into tables that belong to the modules' owner roles (ADR 0025).
--
-- Rows go in in the order time gave them (by when each happened), as the application inserts them: a table's pages hold
-- the rows of one stretch of time, as in a database that lived through those days. Order ids are {{order_ids}}:
-- "time-ordered" as the application makes them since ADR 0041 (UUID version 7, the placement's millisecond first), or
-- "random" (version 4) as it made them before, for a database whose orders were placed by an older version.
--
-- Values are pseudo-random with a fixed seed: two runs on an empty database produce the same mix (ids differ).
-- The temporary vol_* tables are this session's only; nothing of them outlives the connection.

-- step: staging: customers
SELECT setseed(0.2026);

CREATE TEMP TABLE vol_users AS
SELECT n                                                            AS user_no,
       gen_random_uuid()                                            AS id,
       (ARRAY['Ada','Alan','Grace','Edsger','Barbara','Donald','Frances','John','Margaret','Niklaus','Radia','Tim',
              'Katherine','Ken','Dennis','Hedy','Linus','Sophie','Guido','Anita','James','Mary','Lena','Omar','Yuki',
              'Carlos','Priya','Chen','Fatima','Lars','Ines','Kofi','Marta','Pavel','Sara','Tomas','Aiko','Ravi',
              'Elena','Noah'])[1 + (n::bigint * 7919 % 40)::int]                 AS first_name,
       (ARRAY['Lovelace','Turing','Hopper','Dijkstra','Liskov','Knuth','Allen','McCarthy','Hamilton','Wirth',
              'Perlman','Berners-Lee','Johnson','Thompson','Ritchie','Lamarr','Torvalds','Wilson','Rossum','Borg',
              'Gosling','Keller','Schmidt','Haddad','Tanaka','Garcia','Sharma','Wang','Khan','Nilsson','Moreau',
              'Mensah','Novak','Ivanov','Cohen','Horvat','Sato','Patel','Rossi','Weber'])[1 + (n::bigint * 104729 % 40)::int] AS last_name,
       (ARRAY['example.com','mail.example.org','post.example.net','inbox.example.de','example.fr',
              'company.example'])[1 + (n % 6)]                      AS domain,
       random() >= 0.02                                             AS active,
       now() - make_interval(days => {{days}} + 1) - random() * interval '300 days' AS registered_at,
       gen_random_uuid()                                            AS registered_event
FROM generate_series(1, {{users}}) AS n;

CREATE UNIQUE INDEX ON vol_users (user_no);

-- step: staging: orders
-- Status mix of a shop that works: most orders paid, some refused, cancelled (refunded) or expired; a handful still
-- waiting for their payment or their refund, all of those placed in the last minutes, as they would be in life: two in
-- ten thousand each, about what a shop of 17,000 orders a day has open at any moment. (Four in a thousand, as before,
-- were 4,000 orders that the application's expiry job then expired in one burst in the middle of the measurements.)
-- Two fifths of those waiting for their payment are overdue already (placed 15-25 minutes ago), as after a deployment:
-- the application's first expiry, which compiles the expiry's and the saga's code, then falls in its start-up and
-- warm-up, not in a measurement (in one run a half-second stall of every request in the middle of a rebuild
-- coincided with it); the rest expire one by one during the measurements, as in life.
CREATE TEMP TABLE vol_orders0 AS
SELECT n                                                                  AS order_no,
       gen_random_uuid()                                                  AS id,
       1 + floor(random() * {{users}})::int                               AS user_no,
       CASE WHEN r < 0.0002 THEN 'PENDING_PAYMENT'
            WHEN r < 0.0004 THEN 'REFUND_PENDING'
            WHEN r < 0.0504 THEN 'PAYMENT_FAILED'
            WHEN r < 0.0804 THEN 'EXPIRED'
            WHEN r < 0.1304 THEN 'REFUNDED'
            ELSE 'PAID' END                                               AS status,
       1 + floor(random() * 3)::int                                       AS line_count,
       random()                                                           AS age
FROM (SELECT n, random() AS r FROM generate_series(1, {{orders}}) AS n) AS drawn;

CREATE TEMP TABLE vol_lines AS
SELECT o.id                                          AS order_id,
       l.line_no,
       'SKU-' || lpad((1 + floor(random() * 5000))::int::text, 5, '0') AS sku,
       1 + floor(random() * 3)::int                  AS quantity,
       (100 + floor(random() * 9900))::bigint        AS unit_price_minor
FROM vol_orders0 o, LATERAL generate_series(0, o.line_count - 1) AS l(line_no);

-- Every moment of an order's life, and the id of every event it caused.
CREATE TEMP TABLE vol_orders AS
SELECT CASE '{{order_ids}}'
           WHEN 'random' THEN o.id
           -- version 7: the placement's Unix milliseconds in the first 48 bits over the random id, version bits 0111
           -- (the random id's 0100 with bits 52 and 53 set); its variant bits stay
           ELSE encode(set_bit(set_bit(overlay(uuid_send(o.id)
                   PLACING substring(int8send(floor(extract(epoch FROM p.placed_at) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
                   52, 1), 53, 1), 'hex')::uuid END AS id,
       o.id AS drawn_id, o.order_no, o.status, u.id AS user_id, u.user_no, u.first_name || ' ' || u.last_name AS customer_name,
       lower(u.first_name || '.' || u.last_name || '.' || u.user_no || '@' || u.domain) AS customer_email,
       t.total_minor, p.placed_at,
       p.placed_at + interval '40 milliseconds'  AS charged_at,
       p.placed_at + interval '70 milliseconds'  AS outcome_at,
       p.placed_at + interval '15 minutes'       AS expired_at,
       p.placed_at + (now() - p.placed_at) * 0.3 AS cancelled_at,
       p.placed_at + (now() - p.placed_at) * 0.3 + interval '50 milliseconds' AS refunded_at,
       gen_random_uuid() AS placed_event, gen_random_uuid() AS payment_event, gen_random_uuid() AS paid_change_event,
       gen_random_uuid() AS cancelled_event, gen_random_uuid() AS cancel_change_event,
       gen_random_uuid() AS refund_event, gen_random_uuid() AS refunded_change_event,
       gen_random_uuid() AS expired_event, gen_random_uuid() AS expired_change_event
FROM vol_orders0 o
JOIN vol_users u ON u.user_no = o.user_no
JOIN (SELECT order_id, sum(quantity * unit_price_minor) AS total_minor FROM vol_lines GROUP BY order_id) t ON t.order_id = o.id
CROSS JOIN LATERAL (SELECT CASE WHEN o.status = 'PENDING_PAYMENT' THEN now() - o.age * interval '25 minutes'
                                WHEN o.status = 'REFUND_PENDING' THEN now() - o.age * interval '10 minutes'
                                ELSE now() - interval '20 minutes' - o.age * make_interval(days => {{days}}) END AS placed_at) p
ORDER BY p.placed_at;

CREATE UNIQUE INDEX ON vol_orders (id);
CREATE UNIQUE INDEX ON vol_orders (drawn_id);

-- The money each customer needs: one opening top-up covers every charge, so no running balance is ever negative.
CREATE TEMP TABLE vol_spend AS
SELECT u.user_no, u.id AS user_id, u.registered_at,
       coalesce(sum(o.total_minor) FILTER (WHERE o.status IN ('PAID', 'REFUNDED', 'REFUND_PENDING')), 0) AS charged_minor
FROM vol_users u LEFT JOIN vol_orders o ON o.user_no = u.user_no
GROUP BY u.user_no, u.id, u.registered_at;

-- step: loading session: no trigger, no wait for the WAL flush
-- Only this session: asynchronous commit (a crash would lose the last moments of the load, which would be rerun), and,
-- with trigger_mode = replica (the rehearsal, as a superuser), no trigger: the ledger's chain and the balances that the
-- triggers of db/billing check row by row are computed set-based below, and checked set-based at the end ("check: ...").
-- RequestPathIndexTests runs it with trigger_mode = origin: every trigger fires, so the same data passes the real checks.
-- The server's durability (fsync, full_page_writes, synchronous_commit of every other session) is untouched.
SET synchronous_commit = off;
SET session_replication_role = {{trigger_mode}};

-- step: users.users
INSERT INTO users.users (id, email, name, active, registered_at, version)
SELECT id, first_name || '.' || last_name || '.' || user_no || '@' || domain, first_name || ' ' || last_name, active,
       registered_at, CASE WHEN active THEN 0 ELSE 1 END
FROM vol_users;

-- step: billing.accounts (billing's copy of the users)
INSERT INTO billing.accounts (user_id, email, name, active, currency, balance_minor, opened_at, version)
SELECT u.id, u.first_name || '.' || u.last_name || '.' || u.user_no || '@' || u.domain, u.first_name || ' ' || u.last_name,
       u.active, 'EUR', 0, u.registered_at + interval '30 milliseconds', 0
FROM vol_users u;

-- step: orders.orders
INSERT INTO orders.orders (id, user_id, status, currency, total_minor, placed_at, version)
SELECT id, user_id, status, 'EUR', total_minor, placed_at,
       CASE status WHEN 'PENDING_PAYMENT' THEN 0 WHEN 'REFUNDED' THEN 3 WHEN 'REFUND_PENDING' THEN 2 ELSE 1 END
FROM vol_orders
ORDER BY placed_at;

-- step: orders.order_lines
INSERT INTO orders.order_lines (order_id, line_no, sku, quantity, unit_price_minor)
SELECT o.id, l.line_no, l.sku, l.quantity, l.unit_price_minor
FROM vol_lines l JOIN vol_orders o ON o.drawn_id = l.order_id
ORDER BY o.placed_at, l.line_no;

-- step: orders.order_transitions (the timelines)
INSERT INTO orders.order_transitions (order_id, seq, from_status, to_status, occurred_at, cause, cause_event_id)
SELECT o.id, s.seq, s.from_status, s.to_status, s.at, s.cause, s.cause_event
FROM vol_orders o
CROSS JOIN LATERAL (VALUES
        (0, NULL, 'PENDING_PAYMENT', o.placed_at, 'PlaceOrder request', NULL::uuid, true),
        (1, 'PENDING_PAYMENT', 'PAID', o.outcome_at, 'PaymentCompleted', o.payment_event,
            o.status IN ('PAID', 'REFUNDED', 'REFUND_PENDING')),
        (1, 'PENDING_PAYMENT', 'PAYMENT_FAILED', o.outcome_at, 'PaymentFailed (INSUFFICIENT_FUNDS)', o.payment_event,
            o.status = 'PAYMENT_FAILED'),
        (1, 'PENDING_PAYMENT', 'EXPIRED', o.expired_at, 'Payment timeout (PT15M)', NULL, o.status = 'EXPIRED'),
        (2, 'PAID', 'REFUND_PENDING', o.cancelled_at, 'CancelOrder request', NULL, o.status IN ('REFUNDED', 'REFUND_PENDING')),
        (3, 'REFUND_PENDING', 'REFUNDED', o.refunded_at, 'PaymentRefunded', o.refund_event, o.status = 'REFUNDED'))
    AS s(seq, from_status, to_status, at, cause, cause_event, happened)
WHERE s.happened
ORDER BY s.at;

-- step: billing.payments
INSERT INTO billing.payments (id, charge_reference, user_id, amount_minor, currency, status, failure_reason, occurred_at)
SELECT gen_random_uuid(), id, user_id, total_minor, 'EUR',
       CASE status WHEN 'REFUNDED' THEN 'REFUNDED' WHEN 'PAYMENT_FAILED' THEN 'FAILED' WHEN 'EXPIRED' THEN 'FAILED'
                   ELSE 'COMPLETED' END,
       CASE status WHEN 'PAYMENT_FAILED' THEN 'INSUFFICIENT_FUNDS' WHEN 'EXPIRED' THEN 'WITHDRAWN' END,
       CASE status WHEN 'EXPIRED' THEN expired_at + interval '20 milliseconds' ELSE charged_at END
FROM vol_orders
WHERE status <> 'PENDING_PAYMENT'
ORDER BY 8;

-- step: billing.ledger_entries (numbered and chained per customer, as db/billing/V4's trigger would)
INSERT INTO billing.ledger_entries (id, user_id, kind, amount_minor, currency, charge_reference, occurred_at, entry_no,
                                    balance_after_minor)
SELECT id, user_id, kind, amount_minor, 'EUR', charge_reference, occurred_at,
       row_number() OVER chain, sum(amount_minor) OVER chain
FROM (SELECT gen_random_uuid() AS id, user_id, 'TOP_UP' AS kind,
             charged_minor + 1000 + (user_no * 7 % 50) * 1000 AS amount_minor, NULL::uuid AS charge_reference,
             registered_at + interval '1 minute' AS occurred_at
      FROM vol_spend
      UNION ALL
      SELECT gen_random_uuid(), user_id, 'TOP_UP', 2500, NULL, now() - random() * make_interval(days => {{days}})
      FROM vol_spend WHERE user_no % 3 = 0
      UNION ALL
      SELECT gen_random_uuid(), user_id, 'CHARGE', -total_minor, id, charged_at
      FROM vol_orders WHERE status IN ('PAID', 'REFUNDED', 'REFUND_PENDING')
      UNION ALL
      SELECT gen_random_uuid(), user_id, 'REFUND', total_minor, id, refunded_at
      FROM vol_orders WHERE status = 'REFUNDED') AS entries
WINDOW chain AS (PARTITION BY user_id ORDER BY occurred_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY occurred_at;

-- step: billing.accounts: balance = the customer's latest running balance
UPDATE billing.accounts a SET balance_minor = last.balance_after_minor
FROM (SELECT DISTINCT ON (user_id) user_id, balance_after_minor FROM billing.ledger_entries
      ORDER BY user_id, entry_no DESC) AS last
WHERE last.user_id = a.user_id;

-- step: inboxes: billing.applied_events
INSERT INTO billing.applied_events (event_id, handler, applied_at)
SELECT registered_event, 'AccountLifecycle.on(UserRegistered)', registered_at + interval '30 milliseconds' FROM vol_users
UNION ALL
SELECT placed_event, 'PaymentProcessor.on(ChargeRequest)',
       CASE status WHEN 'EXPIRED' THEN expired_at + interval '20 milliseconds' ELSE charged_at END
FROM vol_orders WHERE status <> 'PENDING_PAYMENT'
UNION ALL
SELECT cancelled_event, 'RefundProcessor.on(RefundRequest)', refunded_at FROM vol_orders WHERE status = 'REFUNDED'
UNION ALL
SELECT expired_event, 'RefundProcessor.on(RefundRequest)', expired_at + interval '10 milliseconds' FROM vol_orders
WHERE status = 'EXPIRED';

-- step: inboxes: orders.applied_events
INSERT INTO orders.applied_events (event_id, handler, applied_at)
SELECT payment_event, CASE status WHEN 'PAYMENT_FAILED' THEN 'PaymentOutcomes.on(PaymentFailed)'
                                  ELSE 'PaymentOutcomes.on(PaymentCompleted)' END, outcome_at
FROM vol_orders WHERE status IN ('PAID', 'REFUNDED', 'REFUND_PENDING', 'PAYMENT_FAILED')
UNION ALL
SELECT refund_event, 'PaymentOutcomes.on(PaymentRefunded)', refunded_at + interval '10 milliseconds' FROM vol_orders
WHERE status = 'REFUNDED';

-- step: order_history.customers and orders (the read model, as the events built it)
INSERT INTO order_history.customers (user_id, name, email)
SELECT id, first_name || ' ' || last_name, first_name || '.' || last_name || '.' || user_no || '@' || domain FROM vol_users;

-- an order's row holds only its customer's id; readers join the customers (ADR 0043)
INSERT INTO order_history.orders (order_id, user_id, status, status_at, currency, total_minor, paid_minor, refunded_minor,
                                  failure_reason, placed_at, updated_at)
SELECT o.id, o.user_id, o.status,
       CASE o.status WHEN 'PENDING_PAYMENT' THEN o.placed_at WHEN 'EXPIRED' THEN o.expired_at
                     WHEN 'REFUND_PENDING' THEN o.cancelled_at WHEN 'REFUNDED' THEN o.refunded_at ELSE o.outcome_at END,
       'EUR', o.total_minor,
       CASE WHEN o.status IN ('PAID', 'REFUNDED', 'REFUND_PENDING') THEN o.total_minor ELSE 0 END,
       CASE WHEN o.status = 'REFUNDED' THEN o.total_minor ELSE 0 END,
       CASE o.status WHEN 'PAYMENT_FAILED' THEN 'INSUFFICIENT_FUNDS' WHEN 'EXPIRED' THEN 'WITHDRAWN' END,
       o.placed_at,
       CASE o.status WHEN 'PENDING_PAYMENT' THEN o.placed_at WHEN 'EXPIRED' THEN o.expired_at
                     WHEN 'REFUND_PENDING' THEN o.cancelled_at WHEN 'REFUNDED' THEN o.refunded_at ELSE o.outcome_at END
FROM vol_orders o
ORDER BY o.placed_at;

-- step: inboxes: order_history.applied_events
INSERT INTO order_history.applied_events (event_id, event_type, applied_at)
SELECT registered_event, 'UserRegistered', registered_at + interval '40 milliseconds' FROM vol_users
UNION ALL
SELECT placed_event, 'OrderPlaced', placed_at + interval '30 milliseconds' FROM vol_orders
UNION ALL
SELECT payment_event, CASE status WHEN 'PAYMENT_FAILED' THEN 'PaymentFailed' ELSE 'PaymentCompleted' END,
       charged_at + interval '10 milliseconds'
FROM vol_orders WHERE status IN ('PAID', 'REFUNDED', 'REFUND_PENDING', 'PAYMENT_FAILED')
UNION ALL
SELECT paid_change_event, 'OrderStatusChanged', outcome_at + interval '10 milliseconds' FROM vol_orders
WHERE status IN ('PAID', 'REFUNDED', 'REFUND_PENDING', 'PAYMENT_FAILED')
UNION ALL
SELECT expired_change_event, 'OrderStatusChanged', expired_at + interval '10 milliseconds' FROM vol_orders WHERE status = 'EXPIRED'
UNION ALL
SELECT cancel_change_event, 'OrderStatusChanged', cancelled_at + interval '10 milliseconds' FROM vol_orders
WHERE status IN ('REFUNDED', 'REFUND_PENDING')
UNION ALL
SELECT refunded_change_event, 'OrderStatusChanged', refunded_at + interval '20 milliseconds' FROM vol_orders WHERE status = 'REFUNDED'
UNION ALL
SELECT refund_event, 'PaymentRefunded', refunded_at + interval '10 milliseconds' FROM vol_orders WHERE status = 'REFUNDED';

-- step: idempotency keys (orders.idempotency_keys, billing.idempotency_keys)
-- Most clients send an Idempotency-Key with an order, some with a top-up; the key's row keeps the first answer.
INSERT INTO orders.idempotency_keys (caller, key, request_hash, result_json, created_at)
SELECT user_id::text, 'order-' || md5(id::text), md5(placed_event::text) || md5(id::text),
       '{"id":"' || id || '","userId":"' || user_id || '","status":"PENDING_PAYMENT","total":{"minorUnits":' || total_minor
           || ',"currency":"EUR"},"lines":[],"placedAt":"' || placed_at || '","timeline":[]}',
       placed_at
FROM vol_orders WHERE order_no % 10 < 6;

INSERT INTO billing.idempotency_keys (caller, key, request_hash, result_json, created_at)
SELECT user_id::text, 'top-up-' || md5(user_id::text), md5(user_id::text) || md5(registered_at::text),
       '{"userId":"' || user_id || '","active":true,"balance":{"minorUnits":2500,"currency":"EUR"},"recentPayments":[],"recentRefunds":[]}',
       now() - random() * make_interval(days => {{days}})
FROM vol_spend WHERE user_no % 3 <> 2;

-- step: events.event_publication (completed publications of the last {{publication_days}} days)
-- What each order published and to which listeners: OrderPlaced to billing and history, the payment's outcome to order
-- and history, each status change to history. All completed (a healthy system); the serialized events are the size of
-- real ones.
INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status,
                                      completion_attempts, last_resubmission_date)
SELECT gen_random_uuid(), p.listener, p.event_type, p.payload, p.published, p.published + interval '25 milliseconds',
       'COMPLETED', 1, NULL
FROM vol_orders o
CROSS JOIN LATERAL (VALUES
        ('dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.ChargeRequest)', 'dev.bulkhead.order.OrderPlaced',
         o.placed_at, true, o.placed_event),
        ('dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.OrderPlaced)', 'dev.bulkhead.order.OrderPlaced',
         o.placed_at, true, o.placed_event),
        ('dev.bulkhead.order.internal.PaymentOutcomes.on(dev.bulkhead.billing.PaymentCompleted)', 'dev.bulkhead.billing.PaymentCompleted',
         o.charged_at, o.status <> 'PENDING_PAYMENT', o.payment_event),
        ('dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.billing.PaymentCompleted)', 'dev.bulkhead.billing.PaymentCompleted',
         o.charged_at, o.status <> 'PENDING_PAYMENT', o.payment_event),
        ('dev.bulkhead.history.internal.OrderHistoryProjection.on(dev.bulkhead.order.OrderStatusChanged)', 'dev.bulkhead.order.OrderStatusChanged',
         o.outcome_at, o.status <> 'PENDING_PAYMENT', o.paid_change_event))
    AS l(listener, event_type, published, happened, event_id)
CROSS JOIN LATERAL (SELECT l.listener, l.event_type, l.published,
        '{"eventId":"' || l.event_id || '","orderId":"' || o.id || '","userId":"' || o.user_id || '","total":{"minorUnits":'
            || o.total_minor || ',"currency":"EUR"},"chargeReference":"' || o.id || '","occurredAt":"' || l.published
            || '","traceparent":"00-' || md5(o.id::text) || '-' || left(md5(l.event_id::text), 16) || '-01"}' AS payload) p
WHERE l.happened AND o.placed_at > now() - make_interval(days => {{publication_days}});

-- step: events.publication_failures and events.received_messages
-- One delivery in a hundred failed once before it completed (a deadlock, a restart); its error is kept. Events that
-- came through the broker leave their id in the replay table.
INSERT INTO events.publication_failures (event_id, listener_id, failed_at, error)
SELECT placed_event, 'dev.bulkhead.billing.internal.PaymentProcessor.on(dev.bulkhead.billing.ChargeRequest)',
       charged_at, 'org.springframework.dao.CannotAcquireLockException: could not execute statement (caused by '
           || 'org.postgresql.util.PSQLException: ERROR: deadlock detected)'
FROM vol_orders WHERE order_no % 100 = 7;

INSERT INTO events.received_messages (event_id, event_type, key_id, received_at)
SELECT payment_event, 'PaymentCompleted', 'key-2026', charged_at + interval '5 milliseconds'
FROM vol_orders WHERE order_no % 5 = 1 AND status <> 'PENDING_PAYMENT';

-- step: check: every balance equals its ledger, every chain is whole, every order has its lines and timeline
-- The triggers did not run (replica mode), so the invariants they protect are checked here, for every generated row at
-- once (only those: the database may hold other rows, such as the tests'). Any row returned fails the generator.
SET session_replication_role = origin;

SELECT 'account ' || a.user_id || ' has balance ' || a.balance_minor || ' but its ledger sums to ' || coalesce(l.sum, 0)
FROM billing.accounts a
JOIN vol_users u ON u.id = a.user_id
LEFT JOIN (SELECT e.user_id, sum(e.amount_minor) AS sum, max(e.entry_no) AS last, count(*) AS entries
           FROM billing.ledger_entries e JOIN vol_users u ON u.id = e.user_id GROUP BY e.user_id) l ON l.user_id = a.user_id
WHERE a.balance_minor IS DISTINCT FROM coalesce(l.sum, 0) OR l.last <> l.entries
UNION ALL
SELECT 'ledger entry ' || e.id || ' carries ' || e.balance_after_minor || ' but the entries up to it sum to ' || e.running
FROM (SELECT e.id, e.balance_after_minor, sum(e.amount_minor) OVER (PARTITION BY e.user_id ORDER BY e.entry_no) AS running
      FROM billing.ledger_entries e JOIN vol_users u ON u.id = e.user_id) e
WHERE e.balance_after_minor <> e.running OR e.balance_after_minor < 0
UNION ALL
SELECT 'order ' || o.id || ' has no lines or no timeline'
FROM vol_orders o
WHERE NOT EXISTS (SELECT 1 FROM orders.order_lines l WHERE l.order_id = o.id)
   OR NOT EXISTS (SELECT 1 FROM orders.order_transitions t WHERE t.order_id = o.id AND t.seq = 0)
LIMIT 10;
