package dev.bulkhead.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application with deliberately small budgets, to make modules slow or busy for real:
 * billing gets two connections, order a 500 ms statement timeout, and changes are refused once 40 event
 * deliveries wait. Its own database; one context
 * shared by every test class using it. No SQL guard: here PostgreSQL itself is under test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "bulkhead.database.budgets.billing.max-connections=2",
        "bulkhead.database.budgets.billing.request-acquire-timeout=200ms", // fails fast as a tight deployment would
        "bulkhead.database.budgets.order.statement-timeout=500ms",
        "bulkhead.events.max-pending-deliveries=" + TightBudgetsTest.MAX_PENDING_DELIVERIES })
@AutoConfigureMockMvc
@Import(TestDatabaseConfiguration.class)
public @interface TightBudgetsTest {

    /** More than the tests of this context leave waiting at any time, few enough to fill on purpose. */
    int MAX_PENDING_DELIVERIES = 40;
}
