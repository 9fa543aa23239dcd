package dev.bulkhead.order.internal;

import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.util.Optional;

/**
 * What the user module answered about the customer of an order, asked before the order's transaction
 * begins: the user module may run in another process, and no order connection should wait on it (ADR
 * 0027). A failure is kept, not thrown, and thrown where the answer is used, inside the transaction
 * and after the checks that came before the question, so a refusal, a replayed idempotent request and
 * an unavailable user module answer as they always did.
 */
final class CustomerLookup {

    private final Optional<UserView> customer;
    private final RuntimeException failure;

    private CustomerLookup(Optional<UserView> customer, RuntimeException failure) {
        this.customer = customer;
        this.failure = failure;
    }

    static CustomerLookup ask(UserApi users, UserId id) {
        try {
            return new CustomerLookup(users.findById(id), null);
        } catch (RuntimeException failure) {
            return new CustomerLookup(Optional.empty(), failure);
        }
    }

    /** The customer, or empty if the user module does not know them; the user module's failure if it failed. */
    Optional<UserView> customer() {
        if (failure != null) {
            throw failure;
        }
        return customer;
    }
}
