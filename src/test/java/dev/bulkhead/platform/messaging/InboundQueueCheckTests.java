package dev.bulkhead.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.bulkhead.testing.TestBroker;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * A queue declared by a version before the message TTL, on a real RabbitMQ ({@link TestBroker}): the broker refuses
 * to redeclare it with the TTL, and the start-up stops saying so and what to do, instead of a listener retrying forever.
 */
class InboundQueueCheckTests {

    private final String name = "queue-check." + UUID.randomUUID();
    private CachingConnectionFactory connection;
    private RabbitAdmin admin;

    @BeforeEach
    void connect() {
        connection = TestBroker.get().connectionFactory();
        admin = new RabbitAdmin(connection);
    }

    @AfterEach
    void cleanUp() {
        admin.deleteQueue(name);
        connection.destroy();
    }

    @Test
    void aQueueLeftWithoutTheTtlStopsTheStartUpNamingWhatToDo() {
        // as the version before declared it: dead letters, no TTL
        admin.declareQueue(new Queue(name, true, false, false,
                Map.of("x-dead-letter-exchange", name + ".dead-letter", "x-dead-letter-routing-key", name)));

        assertThatIllegalStateException().isThrownBy(() -> check(Duration.ofDays(7)).start())
                .withMessageContaining("RabbitMQ refuses queue '" + name + "'")
                .withMessageContaining("inequivalent arg 'x-message-ttl'")
                .withMessageContaining("set bulkhead.messaging.queue to a new name")
                .withMessageContaining("rabbitmqctl delete_queue " + name);
        assertThat(admin.getQueueInfo(name)).as("the old queue and its messages are left alone").isNotNull();
    }

    @Test
    void aChangedTtlIsRefusedLikeAMissingOne() {
        check(Duration.ofDays(7)).start();
        check(Duration.ofDays(7)).start(); // the same declaration again: accepted

        assertThatIllegalStateException().isThrownBy(() -> check(Duration.ofDays(10)).start())
                .withMessageContaining("x-message-ttl 864000000 ms").withMessageContaining("inequivalent arg 'x-message-ttl'");
    }

    private InboundQueueCheck check(Duration ttl) {
        return new InboundQueueCheck(admin, new InboundQueue(name), ttl);
    }
}
