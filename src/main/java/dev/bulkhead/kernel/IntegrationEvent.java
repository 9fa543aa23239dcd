package dev.bulkhead.kernel;

import java.time.Instant;
import java.util.UUID;

/**
 * The contract every event that crosses a module boundary keeps (see {@code docs/events.md}; the catalog of events is generated, {@code docs/generated/events.html}). An
 * event is an immutable record of something that happened: it says which event it is, which
 * aggregate it is about, when it happened, and which version of its payload it carries. Consumers
 * record {@link #eventId()} to apply each event at most once, and the operations view uses it to
 * match a failed delivery with its error.
 */
public interface IntegrationEvent {

    /** Unique per event; a redelivery carries the same id. */
    UUID eventId();

    /** The id of the aggregate the event is about (a user, a payment, an order). */
    UUID aggregateId();

    /** When it happened, UTC, in microseconds. */
    Instant occurredAt();

    /** The payload's version: raised whenever a component changes meaning or is removed. */
    int version();
}
