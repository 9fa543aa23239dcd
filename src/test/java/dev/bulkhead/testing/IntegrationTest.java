package dev.bulkhead.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import dev.bulkhead.architecture.ModuleSqlGuardConfiguration;

/**
 * The whole application with MockMvc, on a fresh real PostgreSQL database shared by every test class
 * using it, with every SQL statement checked against its module's schema (rule R8). Failed event
 * deliveries are retried within a second and parked after three attempts, so tests can watch a
 * failing listener go all the way to parked. Billing waits up to 20 s for a lock (see {@link #BILLING_LOCK_TIMEOUT_SECONDS}).
 * Every trace is sampled and its spans kept ({@link RecordedSpans}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "bulkhead.events.retry.interval=200ms",
        "bulkhead.events.retry.initial-backoff=100ms",
        "bulkhead.events.retry.max-backoff=400ms",
        "bulkhead.events.retry.max-attempts=3",
        "bulkhead.order.expiry-check-interval=500ms",
        // the saga's race tests hold an account's row lock while an order expires; on a busy machine that took
        // longer than the 2 s default, the charge gave up waiting and the refund overtook it (a different race,
        // tested on its own). Production keeps the default; OrderSagaHttpTests checks the hold stays within this.
        "bulkhead.database.budgets.billing.lock-timeout=" + IntegrationTest.BILLING_LOCK_TIMEOUT_SECONDS + "s",
        // every trace recorded, for the tests that read them (RecordedSpans)
        "management.tracing.sampling.probability=1.0" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, ModuleSqlGuardConfiguration.class, RecordedSpans.class })
public @interface IntegrationTest {

    /** Billing's lock budget in this context: long enough for a test to hold an account's lock on a busy machine. */
    int BILLING_LOCK_TIMEOUT_SECONDS = 20;
}
