package dev.bulkhead.platform.messaging;

import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.context.SmartLifecycle;

/**
 * Declares the inbound queue before its listener starts, so that a queue left by a version before, whose arguments
 * differ (no {@code x-message-ttl}, or another one), stops the start-up with what to do, instead of a listener that
 * retries the refused declaration forever in the log. RabbitMQ cannot change an existing queue's arguments
 * ({@code PRECONDITION_FAILED}); the operator has to choose between a new queue and the old one's messages
 * (ADR 0037). A broker that does not answer yet is left to the listener's reconnection: faults cost time, not the
 * start-up (ADR 0035).
 */
final class InboundQueueCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundQueueCheck.class);

    private final @Nullable AmqpAdmin admin;
    private final InboundQueue queue;
    private final Duration ttl;
    private volatile boolean running;

    InboundQueueCheck(@Nullable AmqpAdmin admin, InboundQueue queue, Duration ttl) {
        this.admin = admin;
        this.queue = queue;
        this.ttl = ttl;
    }

    @Override
    public void start() {
        running = true;
        if (admin == null || queue.absent()) {
            return;
        }
        Queue inbox = queue.declaration(ttl);
        try {
            admin.declareQueue(inbox);
        } catch (AmqpConnectException e) {
            log.warn("RabbitMQ does not answer: queue {} is declared, and its arguments checked, once it does", queue.name());
        } catch (AmqpIOException e) {
            if (RabbitUtils.isMismatchedQueueArgs(e)) {
                throw new IllegalStateException(guidance(e), e);
            }
            throw e;
        }
    }

    private String guidance(Exception refused) {
        String queue = this.queue.name();
        return "RabbitMQ refuses queue '" + queue + "' as this version declares it (x-message-ttl " + ttl.toMillis()
                + " ms from bulkhead.messaging.message-ttl, dead letters to '" + queue + ".dead-letter'): "
                + brokerReason(refused) + ". The queue exists with other arguments, and RabbitMQ cannot change them. "
                + "Either receive on a new queue: set bulkhead.messaging.queue to a new name, and delete '" + queue
                + "' once the previous version's instances have emptied it and stopped; or, if none of its messages "
                + "must be kept, delete it (rabbitmqctl delete_queue " + queue + ") and start again (ADR 0037)";
    }

    private static String brokerReason(Exception refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal && signal.getReason() != null) {
                return signal.getReason().toString();
            }
        }
        return String.valueOf(refused.getMessage());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, which start in the last phase. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
