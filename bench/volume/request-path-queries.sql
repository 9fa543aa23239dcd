-- The statements Bulkhead runs on its large tables while serving requests and deliveries, and those its periodic jobs
-- and the registry run (issue 22 item 4, ADR 0040). One list for two readers:
--   * RequestPathIndexTests (./mvnw verify) explains each on a few hundred generated rows with enable_seqscan = off:
--     a plan that still scans a large table sequentially means no index can serve the statement (SentStatementIndexTests
--     checks the same of the statements the code really sends, recorded as it sends them, and fails when a method that
--     reads a large table other than by its key is named by no source here);
--   * the volume rehearsal (bench/volume/run) runs EXPLAIN (ANALYZE, BUFFERS) of each on a million orders and puts the
--     plans in bench/results/volume.md.
-- Each statement is written as the code sends it (Hibernate's SQL for repository methods, the literal SQL for JdbcClient
-- and Spring Modulith's registry); ":name" stands for a bound parameter, replaced by a value of the generated data (the
-- "parameters" query at the end picks them). A statement that writes is explained inside a transaction rolled back.
-- Format: "-- query: name", "-- source: where the code sends it", then the statement, ending with ";" at a line's end.
-- "-- known-miss: why" marks a statement that scans more than it returns and has no index fix here (see the report).
-- "-- bulk: why" marks a statement of a periodic job that may touch a large share of a table, where a sequential scan
-- can be the planner's right choice on the volume; the test still requires an index for when the share is small.
-- A source "Class.method" names a method of src/main/java; the test fails when it no longer exists.
--
-- large tables: users.users, billing.accounts, billing.ledger_entries, billing.payments, billing.applied_events,
--   billing.idempotency_keys, orders.orders, orders.order_lines, orders.order_transitions, orders.applied_events,
--   orders.idempotency_keys, order_history.orders, order_history.orders_alternate, order_history.customers,
--   order_history.applied_events,
--   events.event_publication, events.publication_failures, events.received_messages

-- query: user.email-taken
-- source: UserRepository.existsByEmail (POST /v1/users: is the address registered, whatever its case)
select count(u1_0.id) > 0 from users.users u1_0 where lower(u1_0.email) = lower(:email);

-- query: user.by-id
-- source: UserRepository.findById (GET /v1/users/{id}, the dashboard's profile, the order's eligibility check)
select u1_0.id, u1_0.active, u1_0.email, u1_0.name, u1_0.registered_at, u1_0.version from users.users u1_0 where u1_0.id = :customer;

-- query: user.by-ids
-- source: UserViews.byIds (UserApi.findAllById: order listings fetch a page's customers in one call, the history jobs a page's)
SELECT id, email, name, active, registered_at FROM users.users WHERE id = ANY(array[:customer, :other_customer]::uuid[]);

-- query: user.page-after
-- source: UserViews.pageAfter (UserApi.findPageAfter: the reconciliation of billing's copy of the users, 1,000 at a time)
SELECT id, email, name, active, registered_at FROM users.users WHERE id > :customer ORDER BY id LIMIT 1000;

-- query: order.by-id
-- source: OrderRepository.findById with its timeline (GET /v1/orders/{id}, findForUpdate on cancel)
select o1_0.id, o1_0.currency, o1_0.placed_at, o1_0.status, t1_0.order_id, t1_0.seq, t1_0.occurred_at, t1_0.cause,
       t1_0.cause_event_id, t1_0.from_status, t1_0.to_status, o1_0.total_minor, o1_0.user_id, o1_0.version
from orders.orders o1_0 left join orders.order_transitions t1_0 on o1_0.id = t1_0.order_id where o1_0.id = :order;

-- query: order.lines
-- source: Order.toView, the lines of the orders of a page, loaded in batches (Hibernate's batch fetch of Order.lines)
select l1_0.order_id, l1_0.line_no, l1_0.quantity, l1_0.sku, l1_0.unit_price_minor from orders.order_lines l1_0
where l1_0.order_id = any (array[:order, :other_order]::uuid[]);

-- query: order.customer-listing
-- source: OrderRepository.findByUserIdOrderByPlacedAtDesc (GET /v1/orders?userId=, the dashboard's recent orders)
select o1_0.id, o1_0.currency, o1_0.placed_at, o1_0.status, o1_0.total_minor, o1_0.user_id, o1_0.version
from orders.orders o1_0 where o1_0.user_id = :customer order by o1_0.placed_at desc offset 0 rows fetch first 20 rows only;

-- query: order.newest
-- source: OrderRepository.findAllByOrderByPlacedAtDesc (GET /v1/orders without userId: support's newest orders)
select o1_0.id, o1_0.currency, o1_0.placed_at, o1_0.status, o1_0.total_minor, o1_0.user_id, o1_0.version
from orders.orders o1_0 order by o1_0.placed_at desc offset 0 rows fetch first 20 rows only;

-- query: order.inbox-mark
-- source: OrderInbox.firstDelivery (every payment event the order module applies)
insert into orders.applied_events (event_id, handler, applied_at) values (gen_random_uuid(), 'PaymentOutcomes.on(PaymentCompleted)', now())
on conflict do nothing;

-- query: order.status-move
-- source: StatusMoves.make (PaymentCompleted / PaymentFailed on a pending order, in one statement)
WITH moved AS (
    UPDATE orders.orders SET status = 'PAID', version = version + 1
    WHERE id = :order AND status = 'PENDING_PAYMENT'
    RETURNING id, user_id, currency, total_minor),
entry AS (
    INSERT INTO orders.order_transitions (order_id, seq, occurred_at, cause, cause_event_id, from_status, to_status)
    SELECT id, (SELECT coalesce(max(t.seq), -1) + 1 FROM orders.order_transitions t WHERE t.order_id = :order),
        now(), 'PaymentCompleted', NULL, 'PENDING_PAYMENT', 'PAID'
    FROM moved)
SELECT user_id, currency, total_minor FROM moved;

-- query: order.idempotency-key
-- source: OrderIdempotencyKeys.find (POST /v1/orders retried with the same Idempotency-Key)
SELECT request_hash, result_json FROM orders.idempotency_keys WHERE caller = :order_key_caller AND key = :order_key;

-- query: order.expiry-due
-- source: OrderRepository.findIdsByStatusPlacedBefore (the expiry job, every few seconds)
select o1_0.id from orders.orders o1_0 where o1_0.status = 'PENDING_PAYMENT' and o1_0.placed_at < now() - interval '15 minutes'
order by o1_0.placed_at fetch first 100 rows only;

-- query: order.summaries-after
-- source: OrderViews.summariesAfter (OrderApi.findSummariesAfter: rebuild and reconciliation of the order history, 1,000 at a time)
SELECT o.id, o.user_id, o.status, o.currency, o.total_minor, o.placed_at,
    coalesce((SELECT t.occurred_at FROM orders.order_transitions t WHERE t.order_id = o.id
              ORDER BY t.seq DESC LIMIT 1), o.placed_at) AS status_at
FROM orders.orders o
WHERE o.id > :order
ORDER BY o.id
LIMIT 1000;

-- query: order.page-lines
-- source: OrderViews.complete, the lines of a batch of orders in one statement (OrderApi.findAllById)
SELECT order_id, sku, quantity, unit_price_minor FROM orders.order_lines WHERE order_id = ANY(array[:order, :other_order]::uuid[])
ORDER BY order_id, line_no;

-- query: order.page-timelines
-- source: OrderViews.complete, the timelines of a batch of orders in one statement (OrderApi.findAllById)
SELECT order_id, from_status, to_status, occurred_at, cause, cause_event_id FROM orders.order_transitions
WHERE order_id = ANY(array[:order, :other_order]::uuid[]) ORDER BY order_id, seq;

-- query: billing.account-for-update
-- source: AccountRepository.findForUpdate (every charge, refund and top-up)
select a1_0.user_id, a1_0.active, a1_0.balance_minor, a1_0.currency, a1_0.email, a1_0.name, a1_0.opened_at, a1_0.version
from billing.accounts a1_0 where a1_0.user_id = :customer for no key update;

-- query: billing.latest-ledger-entry
-- source: db/billing V4 triggers (each new ledger entry, and the balance check at every commit that moves money)
SELECT entry_no, balance_after_minor FROM billing.ledger_entries WHERE user_id = :customer ORDER BY entry_no DESC LIMIT 1;

-- query: billing.recent-payments
-- source: PaymentRepository.findByUserIdOrderByOccurredAtDesc (GET /v1/billing/summary, the dashboard's billing part)
select p1_0.id, p1_0.amount_minor, p1_0.charge_reference, p1_0.currency, p1_0.failure_reason, p1_0.occurred_at, p1_0.status,
       p1_0.user_id from billing.payments p1_0 where p1_0.user_id = :customer order by p1_0.occurred_at desc fetch first 5 rows only;

-- query: billing.recent-refunds
-- source: LedgerRepository.findByUserIdAndKindOrderByOccurredAtDesc (GET /v1/billing/summary, the dashboard's billing part)
select l1_0.id, l1_0.amount_minor, l1_0.charge_reference, l1_0.currency, l1_0.kind, l1_0.occurred_at, l1_0.user_id
from billing.ledger_entries l1_0 where l1_0.user_id = :customer and l1_0.kind = 'REFUND'
order by l1_0.occurred_at desc fetch first 5 rows only;

-- query: billing.payment-by-charge
-- source: PaymentRepository.findByChargeReference, PaymentRepository.existsByChargeReference (every charge and refund request)
select p1_0.id, p1_0.amount_minor, p1_0.charge_reference, p1_0.currency, p1_0.failure_reason, p1_0.occurred_at, p1_0.status,
       p1_0.user_id from billing.payments p1_0 where p1_0.charge_reference = :order;

-- query: billing.charges
-- source: ChargeViews.byReferences (BillingApi.findCharges: order history rebuild and reconciliation, with each refund sum)
SELECT p.charge_reference, p.status, p.amount_minor, p.currency, p.failure_reason,
    coalesce((SELECT sum(l.amount_minor) FROM billing.ledger_entries l
              WHERE l.kind = 'REFUND' AND l.charge_reference = p.charge_reference), 0)::bigint AS refunded_minor
FROM billing.payments p
WHERE p.charge_reference = ANY(array[:order, :other_order]::uuid[]);

-- query: billing.inbox-mark
-- source: BillingInbox.firstDelivery (every charge and refund request, every user event)
insert into billing.applied_events (event_id, handler, applied_at) values (gen_random_uuid(), 'PaymentProcessor.on(ChargeRequest)', now())
on conflict do nothing;

-- query: billing.idempotency-key
-- source: BillingIdempotencyKeys.find (a top-up retried with the same Idempotency-Key)
SELECT request_hash, result_json FROM billing.idempotency_keys WHERE caller = :topup_key_caller AND key = :topup_key;

-- query: billing.copies-in-range
-- source: UserCopyRepairs.copiesIn (the reconciliation of billing's copy of the users, a range of 1,000 users at a time)
SELECT user_id, email, name, active, opened_at FROM billing.accounts WHERE user_id > :customer AND user_id <= :customer_page_end;

-- query: history.newest
-- source: OrderHistoryStore.search without filters (GET /v1/support/order-history): the page's orders, then their customers
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.by-customer
-- source: OrderHistoryStore.search with customer (GET /v1/support/order-history?customer=)
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders
      WHERE user_id = :customer
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.by-status
-- source: OrderHistoryStore.search with status (GET /v1/support/order-history?status=PAYMENT_FAILED)
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders
      WHERE status = 'PAYMENT_FAILED'
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.by-day
-- source: OrderHistoryStore.search with from and to (GET /v1/support/order-history?from=&to=)
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders
      WHERE placed_at >= :day_start AND placed_at < :day_end
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.newest-after-a-rebuild
-- source: OrderHistoryStore.search without filters, once a rebuild has made the second table the one readers read (ADR 0034)
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders_alternate
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.by-status-after-a-rebuild
-- source: OrderHistoryStore.search with status, on the second table
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders_alternate
      WHERE status = 'PAYMENT_FAILED'
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.text
-- source: OrderHistoryStore.search with q (GET /v1/support/order-history?q=): part of a name or an email, found in the customers by their trigram indexes (db/history V6), then their orders
SELECT o.order_id, o.user_id, c.name AS customer_name, c.email AS customer_email, o.status, o.currency, o.total_minor,
       o.paid_minor, o.refunded_minor, o.failure_reason, o.placed_at
FROM (SELECT * FROM order_history.orders
      WHERE user_id IN (SELECT found.user_id FROM order_history.customers found
                        WHERE found.name ILIKE :rare_text OR found.email ILIKE :rare_text)
      ORDER BY placed_at DESC NULLS LAST, order_id LIMIT 20 OFFSET 0) o
LEFT JOIN order_history.customers c ON c.user_id = o.user_id
ORDER BY o.placed_at DESC NULLS LAST, o.order_id;

-- query: history.differing
-- source: OrderHistoryStore.differing (reconciliation of the order history: which of a page's rows drifted, compared in the database)
SELECT r.order_id
FROM unnest(array[:order, :other_order]::uuid[], array[:customer, :customer]::uuid[], array['PAID', 'PAID']::text[],
            array['EUR', 'EUR']::text[], array[100, 200]::bigint[], array[100, 200]::bigint[], array[0, 0]::bigint[],
            array[NULL, NULL]::text[], array[now(), now()]::timestamptz[])
     AS r(order_id, user_id, status, currency, total_minor, paid_minor, refunded_minor, failure_reason, placed_at)
LEFT JOIN order_history.orders t ON t.order_id = r.order_id
WHERE t.order_id IS NULL
   OR (t.user_id, t.status, t.currency, t.total_minor, t.paid_minor, t.refunded_minor, t.failure_reason, t.placed_at)
      IS DISTINCT FROM (r.user_id, r.status, r.currency, r.total_minor, r.paid_minor, r.refunded_minor, r.failure_reason,
       r.placed_at);

-- query: history.leftovers-in-range
-- source: OrderHistoryStore.removeLeftovers (rebuild and reconciliation: rows of a range whose order the range's read did not return)
DELETE FROM order_history.orders t
WHERE t.order_id > :order AND t.order_id <= :order_page_end AND t.updated_at < now()
  AND t.order_id NOT IN (SELECT unnest(CAST(array[:order, :other_order]::uuid[] AS uuid[])));

-- query: history.customer-renamed
-- source: CustomerCopy.renamed (every UserRenamed: the customer's row, not their orders', ADR 0043)
UPDATE order_history.customers SET name = 'Renamed Customer', updated_at = now() WHERE user_id = :customer;

-- query: history.inbox-mark
-- source: OrderHistoryStore.firstDelivery (every event the read model applies)
INSERT INTO order_history.applied_events (event_id, event_type, applied_at) VALUES (gen_random_uuid(), 'OrderPlaced', now())
ON CONFLICT (event_id) DO NOTHING;

-- query: history.last-applied
-- source: OrderHistoryStore.state, its checkpoint (GET /v1/admin/read-models/order-history)
SELECT event_id, event_type, applied_at FROM order_history.applied_events ORDER BY applied_at DESC LIMIT 1;

-- query: history.customers-differing
-- source: CustomerCopy.repair (the order history's rebuild and reconciliation, their customers' phase: which of a page of users are missing or differ)
SELECT u.user_id
FROM unnest(array[:customer]::uuid[], array['A']::text[], array['a@example.com']::text[]) AS u(user_id, name, email)
LEFT JOIN order_history.customers c ON c.user_id = u.user_id
WHERE c.user_id IS NULL
   OR ((c.name, c.email) IS DISTINCT FROM (u.name, u.email) AND c.updated_at < now() - interval '1 minute');

-- query: history.repair-customers
-- source: CustomerCopy.repair (the order history's rebuild and reconciliation: the customers found differing written)
INSERT INTO order_history.customers AS c (user_id, name, email, updated_at)
SELECT u.user_id, u.name, u.email, now()
FROM unnest(array[:customer]::uuid[], array['A']::text[], array['a@example.com']::text[]) AS u(user_id, name, email)
ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = now()
WHERE c.updated_at < now() - interval '1 minute' AND (c.name, c.email) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.email);

-- query: history.customers-leftovers-in-range
-- source: CustomerCopy.removeLeftovers (the order history's rebuild and reconciliation: customers of a range whose user the range's read did not return)
DELETE FROM order_history.customers c
WHERE c.user_id > :customer AND c.user_id <= :customer_page_end AND c.updated_at < now()
  AND c.user_id NOT IN (SELECT unnest(CAST(array[:customer, :other_customer]::uuid[] AS uuid[])));

-- query: history.applied-count
-- source: OrderHistoryStore.state, how many events the read model applied (GET /v1/admin/read-models/order-history): the planner's estimate of the inbox marks from 100,000 up (TableRows), a count below
SELECT coalesce((SELECT CASE WHEN c.relpages > 0 AND c.reltuples > 0
    THEN (c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::numeric))::bigint
    ELSE -1 END
FROM pg_class c WHERE c.oid = to_regclass(cast('order_history.applied_events' as text))), -1);

-- query: registry.complete-by-event
-- source: Spring Modulith's JDBC repository, markCompleted(event, listener) (every delivery)
UPDATE events.event_publication SET STATUS = 'COMPLETED', COMPLETION_DATE = now()
WHERE LISTENER_ID = :listener AND COMPLETION_DATE IS NULL AND SERIALIZED_EVENT = :serialized_event;

-- query: registry.complete-by-id
-- source: Spring Modulith's JDBC repository, markCompleted(id) (completion in the listener's transaction, ADR 0021)
UPDATE events.event_publication SET STATUS = 'COMPLETED', COMPLETION_DATE = now() WHERE ID = :publication;

-- query: registry.incomplete-by-event
-- source: Spring Modulith's JDBC repository, findIncompletePublicationsByEventAndTargetIdentifier (every delivery)
SELECT * FROM events.event_publication
WHERE SERIALIZED_EVENT = :serialized_event AND LISTENER_ID = :listener AND (COMPLETION_DATE IS NULL OR STATUS = 'FAILED')
ORDER BY PUBLICATION_DATE;

-- query: registry.failed
-- source: InTransactionCompletionRegistry.processFailedPublications, Spring Modulith's JDBC repository's findFailedPublications (the retry job, every 5 s)
SELECT ID, COMPLETION_DATE, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS,
       LAST_RESUBMISSION_DATE FROM events.event_publication
WHERE STATUS = 'FAILED' OR (STATUS IS NULL AND COMPLETION_DATE IS NULL) ORDER BY PUBLICATION_DATE ASC LIMIT 10000;

-- query: registry.resubmitted-count
-- source: InTransactionCompletionRegistry.processFailedPublications, Spring Modulith's JDBC repository's countByStatus(RESUBMITTED) (the retry job)
SELECT COUNT(ID) FROM events.event_publication WHERE STATUS = 'RESUBMITTED';

-- query: registry.abandoned
-- source: PublicationRegistry.failAbandoned (the retry job, every 5 s)
update events.event_publication set status = 'FAILED'
where completion_date is null and (status is null or status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))
  and coalesce(last_resubmission_date, publication_date) < now() - interval '1 minute';

-- query: registry.backlog
-- source: PublicationRegistry.backlogByListener (the registry's meters, on every scrape)
select listener_id, min(publication_date) as oldest, count(*) as incomplete,
       count(*) filter (where status = 'FAILED' and coalesce(completion_attempts, 1) >= 8) as parked
from events.event_publication where completion_date is null group by listener_id;

-- query: registry.operator-view
-- source: PublicationRegistry.incomplete (GET /v1/admin/events)
select p.id, p.event_type, p.listener_id, p.publication_date, p.completion_date, p.status, p.serialized_event::jsonb ->> 'eventId' as event_id,
       f.error, f.failed_at
from events.event_publication p
left join lateral (select last.error, last.failed_at from events.publication_failures last
                   where last.event_id = cast(p.serialized_event::jsonb ->> 'eventId' as uuid) and last.listener_id = p.listener_id
                   order by last.failed_at desc limit 1) f on true
where p.completion_date is null order by p.publication_date limit 50;

-- query: registry.operator-view-one
-- source: PublicationRegistry.find (GET /v1/admin/events/{id}: one publication, with its last failure and how many it had)
select p.id, p.event_type, p.listener_id, p.publication_date, p.completion_date, p.status,
       coalesce(p.completion_attempts, 1) as completion_attempts, p.last_resubmission_date,
       p.serialized_event::jsonb ->> 'eventId' as event_id,
       f.error, f.failed_at, coalesce(f.failures, 0) as failures
from events.event_publication p
left join lateral (
    select last.error, last.failed_at, count(*) over () as failures
    from events.publication_failures last
    where last.event_id = cast(p.serialized_event::jsonb ->> 'eventId' as uuid) and last.listener_id = p.listener_id
    order by last.failed_at desc limit 1) f on true
where p.id = :publication;

-- query: broker.replay-mark
-- source: ReceivedMessages.remember (every event received from the broker)
insert into events.received_messages (event_id, event_type, key_id, received_at) values (gen_random_uuid(), 'OrderPlaced', 'key-2026', now())
on conflict do nothing;

-- query: retention.billing-inbox
-- source: TablePruner.prune, its batchStatement for billing.applied_events (the pruning job: one batch of the oldest expired marks)
delete from billing.applied_events where ctid = any(array(
    select t.ctid from billing.applied_events t where t.applied_at < now() - interval '7 days' and (true)
    order by t.applied_at limit 1000 for update skip locked));

-- query: retention.billing-idempotency-keys
-- source: TablePruner.prune, its batchStatement for billing.idempotency_keys
delete from billing.idempotency_keys where ctid = any(array(
    select t.ctid from billing.idempotency_keys t where t.created_at < now() - interval '24 hours' and (true)
    order by t.created_at limit 1000 for update skip locked));

-- query: retention.order-inbox
-- source: TablePruner.prune, its batchStatement for orders.applied_events
delete from orders.applied_events where ctid = any(array(
    select t.ctid from orders.applied_events t where t.applied_at < now() - interval '7 days' and (true)
    order by t.applied_at limit 1000 for update skip locked));

-- query: retention.order-idempotency-keys
-- source: TablePruner.prune, its batchStatement for orders.idempotency_keys
delete from orders.idempotency_keys where ctid = any(array(
    select t.ctid from orders.idempotency_keys t where t.created_at < now() - interval '24 hours' and (true)
    order by t.created_at limit 1000 for update skip locked));

-- query: retention.history-inbox
-- source: TablePruner.prune, its batchStatement for order_history.applied_events (its trigger counts what is pruned)
delete from order_history.applied_events where ctid = any(array(
    select t.ctid from order_history.applied_events t where t.applied_at < now() - interval '7 days' and (true)
    order by t.applied_at limit 1000 for update skip locked));

-- query: retention.completed-publications
-- source: TablePruner.prune, its batchStatement for events.event_publication (completed publications past the week they are kept)
delete from events.event_publication where ctid = any(array(
    select t.ctid from events.event_publication t where t.completion_date < now() - interval '7 days' and (true)
    order by t.completion_date limit 1000 for update skip locked));

-- query: retention.settled-failures
-- source: TablePruner.prune, its batchStatement for events.publication_failures, keeping those of unfinished deliveries (PublicationRegistry.SETTLED_FAILURE)
delete from events.publication_failures where ctid = any(array(
    select t.ctid from events.publication_failures t where t.failed_at < now() - interval '7 days' and (
        not exists (select 1 from events.event_publication p where p.completion_date is null and p.listener_id = t.listener_id
                      and p.serialized_event::jsonb ->> 'eventId' = cast(t.event_id as text)))
    order by t.failed_at limit 1000 for update skip locked));

-- query: retention.received-messages
-- source: TablePruner.prune, its batchStatement for events.received_messages (the broker's replay guard, kept past the messages' TTL)
delete from events.received_messages where ctid = any(array(
    select t.ctid from events.received_messages t where t.received_at < now() - interval '14 days' and (true)
    order by t.received_at limit 1000 for update skip locked));

-- query: bookkeeping.small-count
-- source: TableRows.counted (a job's total, the retention meters and the operator's views: a table's rows counted)
-- known-miss: counts every row of the table; sent only when the planner estimates fewer than TableRows.EXACT_BELOW (100,000), so on a large table the estimate is taken instead and this is not sent
SELECT count(*) FROM orders.applied_events;

-- query: rebuild.fill-second-table
-- source: OrderHistoryStore.rebuilt (the rebuild writes each page into the table being built)
INSERT INTO order_history.orders_alternate (order_id, user_id, status, status_at, currency,
    total_minor, paid_minor, refunded_minor, failure_reason, placed_at, updated_at)
VALUES (:order, :customer, 'PAID', now(), 'EUR', 2500, 2500, 0, NULL, now(), now())
ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now();

-- parameters
-- One value of the generated data for each ":name" above: a customer with orders, one of their orders, an
-- idempotency key of each module, a publication and its event, where a job's page after them ends.
SELECT o.user_id::text AS customer,
       (SELECT id FROM users.users WHERE id <> o.user_id LIMIT 1)::text AS other_customer,
       (SELECT email FROM users.users WHERE id = o.user_id) AS email,
       o.id::text AS "order",
       (SELECT id FROM orders.orders WHERE id <> o.id LIMIT 1)::text AS other_order,
       -- where a page of 1,000 that starts after the customer or the order ends (the last id when fewer follow)
       coalesce((SELECT id FROM users.users WHERE id > o.user_id ORDER BY id OFFSET 999 LIMIT 1),
                (SELECT id FROM users.users ORDER BY id DESC LIMIT 1))::text AS customer_page_end,
       coalesce((SELECT id FROM orders.orders WHERE id > o.id ORDER BY id OFFSET 999 LIMIT 1),
                (SELECT id FROM orders.orders ORDER BY id DESC LIMIT 1))::text AS order_page_end,
       (SELECT caller FROM orders.idempotency_keys LIMIT 1) AS order_key_caller,
       (SELECT key FROM orders.idempotency_keys LIMIT 1) AS order_key,
       (SELECT caller FROM billing.idempotency_keys LIMIT 1) AS topup_key_caller,
       (SELECT key FROM billing.idempotency_keys LIMIT 1) AS topup_key,
       (SELECT id FROM events.event_publication LIMIT 1)::text AS publication,
       (SELECT listener_id FROM events.event_publication LIMIT 1) AS listener,
       (SELECT serialized_event FROM events.event_publication LIMIT 1) AS serialized_event,
       date_trunc('day', o.placed_at)::text AS day_start,
       (date_trunc('day', o.placed_at) + interval '1 day')::text AS day_end,
       '%zz-nobody-is-called-this%' AS rare_text
FROM orders.orders o ORDER BY o.placed_at DESC OFFSET 5 LIMIT 1;
