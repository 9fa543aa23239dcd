package dev.bulkhead.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.platform.security.ServiceTokens;
import dev.bulkhead.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Without {@code bulkhead.messaging.enabled} the monolith runs as before: nothing of AMQP exists. */
@IntegrationTest
class BrokerlessStartupTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvcTester mvc;

    @Test
    void withoutABrokerConfiguredNoConnectionFactoryExternalizerOrInboundQueueExists() {
        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EventExternalizerModuleListener.class)).isEmpty();
        assertThat(context.getBeanNamesForType(InboundEvents.class)).isEmpty();
    }

    @Test
    void withoutABrokerConfiguredTheHealthCheckHasNoRabbitComponentAndIsUp() {
        // as an operator, who sees health's components (everyone else gets the bare status)
        assertThat(new dev.bulkhead.testing.HttpClient(mvc).asRoles("ops", "OPERATOR").get("/actuator/health")).hasStatusOk()
                .bodyText().contains("\"status\":\"UP\"").contains("\"db\"").doesNotContain("rabbit");
    }

    @Autowired
    ServiceTokens serviceTokens;

    @Test
    void withoutBeingAskedThePublishedQueriesAreNotServedOverHttp() {
        // a service token, the only kind /internal lets through (ADR 0027): the 404 is the endpoint's absence
        assertThat(new dev.bulkhead.testing.HttpClient(mvc).as(serviceTokens.forModule("billing"))
                .post("/internal/published-queries/UserApi/findById", "[\"" + java.util.UUID.randomUUID() + "\"]")).hasStatus(404);
    }
}
