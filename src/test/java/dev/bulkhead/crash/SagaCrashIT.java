package dev.bulkhead.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The saga under crashes: two copies of the production jar run side by side on one PostgreSQL,
 * customers with various balances place a few hundred orders and cancel some, and the instances are
 * killed with SIGKILL at random moments and restarted, several times. Once the cluster has settled,
 * every order must have reached a terminal state that billing's ledger agrees with, and every
 * account's balance must be its top-ups minus its charges plus its refunds.
 *
 * <p>Runs with {@code ./mvnw -Pcrash verify} (failsafe, after {@code package} built the jar). The
 * random seed is printed; {@code -Dcrash.seed=N} replays the same choices (timing still varies).
 */
class SagaCrashIT {

    private static final int INSTANCES = 2;
    private static final int CUSTOMERS = 40;
    private static final int ORDERS = 300;
    private static final int KILL_ROUNDS = 5;
    private static final long[] BALANCES = { 0, 500, 1_500, 4_000, 12_000 };
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"userId\":\"([0-9a-f-]{36})\"");
    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/v1/billing/accounts/([0-9a-f-]{36})/");
    private static final Pattern CANCEL_PATH = Pattern.compile("^/v1/orders/([0-9a-f-]{36})/cancel$");

    /** Short timeouts, so crashes and expiries happen many times within the test's few minutes. */
    private static final List<String> SETTINGS = List.of(
            "--bulkhead.events.retry.interval=300ms",
            "--bulkhead.events.retry.initial-backoff=200ms",
            "--bulkhead.events.retry.max-backoff=2s",
            "--bulkhead.events.retry.stale-after=3s",
            "--bulkhead.events.retry.max-attempts=50",
            "--bulkhead.order.payment-timeout=4s",
            "--bulkhead.order.expiry-check-interval=500ms",
            "--logging.level.org.springframework.modulith=WARN");

    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<JarInstance> instances = new ArrayList<>();
    private final CrashTokens tokens = new CrashTokens();
    private final Map<UUID, UUID> ownerOfOrder = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger kills = new AtomicInteger();

    @Test
    void every_order_ends_in_a_state_billing_agrees_with_after_repeated_sigkills() throws Exception {
        long started = System.nanoTime();
        Path jar = Path.of(System.getProperty("crash.jar", "target/bulkhead-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the jar built by package").exists();
        CrashDatabase database = CrashDatabase.create();
        Path logs = JarInstance.logDirectory(Path.of("target", "crash-logs"));
        System.out.printf("Crash test: seed %d, database %s, logs in %s%n", seed, database.describe(), logs);
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(new JarInstance("instance-" + (i + 1), jar, freePort(), database, tokens.jarEnvironment(), SETTINGS, logs));
        }
        try {
            instances.forEach(JarInstance::start);
            instances.forEach(instance -> instance.awaitHealthy(http, Duration.ofSeconds(90)));

            Map<UUID, Long> customers = registerCustomers(database);
            List<UUID> orders = placeOrdersWhileKilling(customers);
            instances.forEach(JarInstance::start);
            instances.forEach(instance -> instance.awaitHealthy(http, Duration.ofSeconds(90)));
            awaitSettled(database);

            try (Connection connection = database.connect()) {
                Map<String, Long> byStatus = checkEveryOrder(connection);
                checkEveryAccount(connection, customers);
                System.out.printf("Crash test: %d orders placed by the clients, %s in the database; %d kills, %d starts; %d s%n",
                        orders.size(), byStatus, kills.get(), instances.stream().mapToInt(JarInstance::starts).sum(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                assertThat(byStatus.keySet()).as("the run reached the saga's outcomes").contains("PAID", "PAYMENT_FAILED");
            }
        } finally {
            instances.forEach(JarInstance::kill);
            database.stopServer();
        }
        if (database.startedHere()) {
            assertThatThrownBy(database::connect).as("the embedded PostgreSQL stopped with the test, not left running")
                    .isInstanceOf(SQLException.class);
        }
    }

    /** Customers with balances from nothing to plenty; returns each one's top-up total. */
    private Map<UUID, Long> registerCustomers(CrashDatabase database) throws Exception {
        Map<UUID, Long> customers = new LinkedHashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String body = send("POST", "/v1/users", "{\"email\":\"crash-" + i + "-" + seed + "@example.com\",\"name\":\"Customer " + i + "\"}", 201)
                    .orElseThrow(() -> new IllegalStateException("could not register a customer"));
            customers.put(UUID.fromString(first(ID, body)), BALANCES[i % BALANCES.length]);
        }
        await("billing opens every account", Duration.ofSeconds(60), () -> count(database,
                "select count(*) from billing.accounts") >= CUSTOMERS);
        for (Map.Entry<UUID, Long> customer : customers.entrySet()) {
            if (customer.getValue() > 0) {
                send("POST", "/v1/billing/accounts/" + customer.getKey() + "/top-ups",
                        "{\"amount\":" + customer.getValue() + ",\"currency\":\"EUR\"}", 201)
                        .orElseThrow(() -> new IllegalStateException("could not top up " + customer.getKey()));
            }
        }
        return customers;
    }

    /** Four clients place orders and cancel some paid ones, while a fifth thread kills and restarts instances. */
    private List<UUID> placeOrdersWhileKilling(Map<UUID, Long> customers) throws Exception {
        List<UUID> customerIds = new ArrayList<>(customers.keySet());
        ConcurrentLinkedQueue<UUID> placed = new ConcurrentLinkedQueue<>();
        AtomicInteger remaining = new AtomicInteger(ORDERS);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Random clientRandom = new Random(random.nextLong());
                clients.add(threads.submit(() -> runClient(clientRandom, customerIds, placed, remaining)));
            }
            Future<?> chaos = threads.submit(this::killAtRandom);
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
            chaos.get(5, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }
        return new ArrayList<>(placed);
    }

    private void runClient(Random clientRandom, List<UUID> customers, ConcurrentLinkedQueue<UUID> placed,
            AtomicInteger remaining) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
            UUID customer = customers.get(clientRandom.nextInt(customers.size()));
            long price = 100 + clientRandom.nextInt(30) * 100;
            send("POST", "/v1/orders", "{\"userId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"CRASH\",\"quantity\":1,\"unitPrice\":" + price + "}]}", 201)
                    .ifPresent(body -> {
                        UUID order = UUID.fromString(first(ID, body));
                        ownerOfOrder.put(order, customer);
                        placed.add(order);
                    });
            if (clientRandom.nextInt(4) == 0 && !placed.isEmpty()) {
                List<UUID> sample = new ArrayList<>(placed);
                UUID order = sample.get(clientRandom.nextInt(sample.size()));
                send("GET", "/v1/orders/" + order, null, 200)
                        .filter(body -> "PAID".equals(first(STATUS, body)))
                        .ifPresent(paid -> send("POST", "/v1/orders/" + order + "/cancel", "", 200));
            }
            JarInstance.sleep(clientRandom.nextInt(40));
        }
    }

    /** Kills one or both instances at random moments, then restarts them without waiting for them. */
    private void killAtRandom() {
        for (int round = 0; round < KILL_ROUNDS; round++) {
            JarInstance.sleep(1_500 + random.nextInt(3_000));
            List<JarInstance> victims = new ArrayList<>(instances);
            Collections.shuffle(victims, random);
            victims = victims.subList(0, 1 + random.nextInt(victims.size()));
            for (JarInstance victim : victims) {
                victim.kill();
                kills.incrementAndGet();
            }
            JarInstance.sleep(500 + random.nextInt(1_500));
            victims.forEach(JarInstance::start);
            victims.forEach(victim -> victim.awaitHealthy(http, Duration.ofSeconds(90)));
        }
    }

    /** Waits until no order and no event delivery is left in between: the saga has finished everything it started. */
    private void awaitSettled(CrashDatabase database) {
        await("every order terminal and every event delivered", SETTLE_TIMEOUT, () ->
                count(database, "select count(*) from orders.orders where status in ('PENDING_PAYMENT', 'REFUND_PENDING')") == 0
                        && count(database, "select count(*) from events.event_publication where completion_date is null") == 0);
    }

    /** One charge per PAID order, one charge and one refund per REFUNDED order, nothing for the others. */
    private Map<String, Long> checkEveryOrder(Connection connection) throws SQLException {
        List<String> violations = strings(connection, """
                select o.id || ' ' || o.status || ' total ' || o.total_minor || ': ' || charges || ' charge(s) of ' || charged
                       || ', ' || refunds || ' refund(s) of ' || refunded
                from orders.orders o
                cross join lateral (
                    select count(*) filter (where l.kind = 'CHARGE') as charges,
                           coalesce(-sum(l.amount_minor) filter (where l.kind = 'CHARGE'), 0) as charged,
                           count(*) filter (where l.kind = 'REFUND') as refunds,
                           coalesce(sum(l.amount_minor) filter (where l.kind = 'REFUND'), 0) as refunded
                    from billing.ledger_entries l where l.charge_reference = o.id) ledger
                where not (
                       (o.status = 'PAID' and charges = 1 and charged = o.total_minor and refunds = 0)
                    or (o.status = 'REFUNDED' and charges = 1 and charged = o.total_minor and refunds = 1 and refunded = o.total_minor)
                    or (o.status in ('PAYMENT_FAILED', 'EXPIRED') and charges = 0 and refunds = 0))""");
        assertThat(violations).as("orders whose ledger entries do not match their state").isEmpty();
        assertThat(strings(connection, """
                select l.id || ' ' || l.kind from billing.ledger_entries l
                where l.kind <> 'TOP_UP' and not exists (select 1 from orders.orders o where o.id = l.charge_reference)"""))
                .as("charges or refunds for no order").isEmpty();
        assertThat(strings(connection, """
                select o.id || ' is ' || o.status || ' but its timeline ends at ' || t.to_status from orders.orders o
                join orders.order_transitions t on t.order_id = o.id
                where t.seq = (select max(seq) from orders.order_transitions where order_id = o.id) and t.to_status <> o.status"""))
                .as("timelines that end elsewhere than the order").isEmpty();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select status, count(*) from orders.orders group by status order by status")) {
            while (rows.next()) {
                byStatus.put(rows.getString(1), rows.getLong(2));
            }
        }
        return byStatus;
    }

    /** Every balance is its top-ups minus its charges plus its refunds, never negative, and equals the ledger. */
    private void checkEveryAccount(Connection connection, Map<UUID, Long> customers) throws SQLException {
        List<String> violations = strings(connection, """
                select a.user_id || ': balance ' || a.balance_minor || ', top-ups ' || topups || ', charges ' || charges
                       || ', refunds ' || refunds
                from billing.accounts a
                cross join lateral (
                    select coalesce(sum(amount_minor) filter (where kind = 'TOP_UP'), 0) as topups,
                           coalesce(-sum(amount_minor) filter (where kind = 'CHARGE'), 0) as charges,
                           coalesce(sum(amount_minor) filter (where kind = 'REFUND'), 0) as refunds
                    from billing.ledger_entries l where l.user_id = a.user_id) ledger
                where a.balance_minor <> topups - charges + refunds or a.balance_minor < 0""");
        assertThat(violations).as("accounts whose balance does not follow from their ledger").isEmpty();
        for (Map.Entry<UUID, Long> customer : customers.entrySet()) {
            assertThat(longValue(connection, "select coalesce(sum(amount_minor), 0) from billing.ledger_entries where kind = 'TOP_UP' and user_id = '"
                    + customer.getKey() + "'")).as("top-ups of %s", customer.getKey()).isEqualTo(customer.getValue());
        }
    }

    /**
     * Sends a request to a random running instance, trying others (up to 20 tries, 15 s) while
     * instances are down; empty when no try got the expected status. A request whose answer was lost
     * in a kill may have taken effect: the checks look at the database, not at these answers.
     */
    private Optional<String> send(String method, String path, String json, int expectedStatus) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (int attempt = 0; attempt < 20 && System.nanoTime() < deadline; attempt++) {
            JarInstance target = instances.get(Math.floorMod(random.nextInt(), instances.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + tokenFor(path, json));
            request = json == null ? request.GET()
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expectedStatus) {
                    return Optional.of(response.body());
                }
                if (response.statusCode() < 500) {
                    return Optional.empty(); // a refusal, such as a cancellation that lost a race: an answer, not a crash
                }
            } catch (IOException instanceDown) {
                // killed or still starting: try another
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            JarInstance.sleep(100 + attempt * 50L);
        }
        return Optional.empty();
    }

    /** The customer's own token when the request acts on a customer's data, a support token to read. */
    private String tokenFor(String path, String json) {
        Matcher account = ACCOUNT_PATH.matcher(path);
        if (account.find()) {
            return tokens.customer(UUID.fromString(account.group(1)));
        }
        if (json != null) {
            Matcher owner = USER_ID.matcher(json);
            if (owner.find()) {
                return tokens.customer(UUID.fromString(owner.group(1)));
            }
        }
        Matcher cancel = CANCEL_PATH.matcher(path);
        if (cancel.find() && ownerOfOrder.containsKey(UUID.fromString(cancel.group(1)))) {
            return tokens.customer(ownerOfOrder.get(UUID.fromString(cancel.group(1))));
        }
        return tokens.staff();
    }

    private static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            JarInstance.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
    }

    private static long count(CrashDatabase database, String sql) {
        try (Connection connection = database.connect()) {
            return longValue(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long longValue(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
