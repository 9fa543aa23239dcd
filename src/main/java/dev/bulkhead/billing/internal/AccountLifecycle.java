package dev.bulkhead.billing.internal;

import dev.bulkhead.user.UserDeactivated;
import dev.bulkhead.user.UserRegistered;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRenamed;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens an account for every registered user and keeps billing's copy of the user's fields in step
 * with the user module's events. Each handler applies an event at most once ({@link BillingInbox}),
 * because the registry may deliver an event again after a crash.
 */
@Component
class AccountLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountLifecycle.class);

    private final AccountRepository accounts;
    private final BillingInbox inbox;
    private final BillingProperties properties;
    private final Clock clock;

    AccountLifecycle(AccountRepository accounts, BillingInbox inbox, BillingProperties properties, Clock clock) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        if (!inbox.firstDelivery(event.eventId(), "AccountLifecycle.on(UserRegistered)")
                || accounts.existsById(event.userId().value())) {
            return;
        }
        accounts.save(new Account(event.userId(), event.email(), event.name(), properties.currency(), clock.instant()));
        log.debug("Opened account for user {}", event.userId());
    }

    @ApplicationModuleListener
    void on(UserRenamed event) {
        if (inbox.firstDelivery(event.eventId(), "AccountLifecycle.on(UserRenamed)")) {
            accountOf(event.userId(), event).rename(event.name());
        }
    }

    @ApplicationModuleListener
    void on(UserDeactivated event) {
        if (inbox.firstDelivery(event.eventId(), "AccountLifecycle.on(UserDeactivated)")) {
            accountOf(event.userId(), event).deactivate();
        }
    }

    /**
     * Fails when the account is not open yet, which leaves the event's publication incomplete so
     * the registry delivers it again once {@link UserRegistered} has been handled.
     */
    private Account accountOf(UserId userId, Object event) {
        return accounts.findById(userId.value()).orElseThrow(() -> new IllegalStateException(
                "no account yet for user " + userId + "; " + event.getClass().getSimpleName() + " will be retried"));
    }
}
