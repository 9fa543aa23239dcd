package dev.bulkhead.billing;

import dev.bulkhead.user.UserId;
import java.util.Optional;

/** What other modules may ask billing. Read-only: money moves only in reaction to events. */
public interface BillingApi {

    /** How many payments and refunds a summary lists. */
    int RECENT_ENTRIES = 10;

    Optional<BillingSummary> findSummary(UserId userId);
}
