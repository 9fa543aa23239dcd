package dev.bulkhead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request that {@link RequestsInFlight} counts as under way until it is {@link #answer answered}: its handler, on a
 * thread of its own, waits for that. For tests of the background work that gives way to requests (ADR 0042).
 */
public final class OpenRequest implements AutoCloseable {

    private final CountDownLatch answered = new CountDownLatch(1);

    private OpenRequest() {
    }

    /** A request under way in {@code requests} from now until it is answered (or closed). */
    public static OpenRequest in(RequestsInFlight requests) {
        OpenRequest open = new OpenRequest();
        CountDownLatch entered = new CountDownLatch(1);
        Thread handler = new Thread(() -> {
            try {
                requests.doFilter(new MockHttpServletRequest("GET", "/v1/orders"), new MockHttpServletResponse(), (request, response) -> {
                    entered.countDown();
                    try {
                        open.answered.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "open-request");
        handler.setDaemon(true);
        handler.start();
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the request reached its handler").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return open;
    }

    /** The handler returns: the request is no longer under way once the filter has counted it out. */
    public void answer() {
        answered.countDown();
    }

    @Override
    public void close() {
        answer();
    }
}
