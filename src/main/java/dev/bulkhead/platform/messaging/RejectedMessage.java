package dev.bulkhead.platform.messaging;

/** Why an inbound message is refused; the message goes to the dead-letter queue and nothing of it is applied. */
final class RejectedMessage extends RuntimeException {

    RejectedMessage(String reason) {
        super(reason, null, false, false);
    }
}
