package dev.bulkhead.platform.events;

import dev.bulkhead.kernel.IntegrationEvent;
import java.time.Clock;
import java.util.UUID;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every transactional event listener and, when one throws, writes the error to
 * {@code events.publication_failures} before the failure reaches Spring Modulith, which marks the
 * publication FAILED but keeps no error text. It sits outside the listener's transaction (that has
 * rolled back by now) and writes on a connection of its own; a failure to record never hides the
 * listener's own failure.
 */
class ListenerFailureRecorder implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailureRecorder.class);

    private final PublicationRegistry registry;
    private final Clock clock;

    ListenerFailureRecorder(PublicationRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (Throwable failure) {
            record(invocation, failure);
            throw failure;
        }
    }

    private void record(MethodInvocation invocation, Throwable failure) {
        try {
            Object[] arguments = invocation.getArguments();
            UUID eventId = arguments.length > 0 && arguments[0] instanceof IntegrationEvent event ? event.eventId() : null;
            registry.recordFailure(eventId, ListenerIds.of(invocation.getMethod()), clock.instant(), describe(failure));
        } catch (RuntimeException recordingFailed) {
            // most often the database is away, which the listener's own failure already says at length
            log.warn("Could not record the failure of listener {}: {}", invocation.getMethod(), recordingFailed.toString());
        }
    }

    /** The exception and its root cause, which is usually the part that explains it. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = failure.getClass().getName() + ": " + failure.getMessage();
        return root == failure ? described : described + " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
}
