package dev.bulkhead.faults;

import dev.bulkhead.testing.FaultyDatabaseConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real port, every database connection through a {@code FaultyLink}. Retries are quick,
 * so a test sees an outage heal within seconds, and the sweep of abandoned deliveries waits ten minutes: whatever
 * heals here heals without it. Statements get 1 s and locks 500 ms, so the client gives up on a statement after
 * 2 s (twice the timeout) and a slow link shows within a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bulkhead.events.retry.interval=500ms",
        "bulkhead.events.retry.initial-backoff=200ms",
        "bulkhead.events.retry.max-backoff=1s",
        "bulkhead.events.retry.max-attempts=30",
        "bulkhead.events.retry.stale-after=10m",
        "bulkhead.database.budgets.default.statement-timeout=1s",
        "bulkhead.database.budgets.default.lock-timeout=500ms" })
@Import(FaultyDatabaseConfiguration.class)
@interface DatabaseFaultTest {
}
