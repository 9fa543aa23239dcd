package dev.bulkhead.billing;

import dev.bulkhead.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask billing. Read-only: money moves only in reaction to events. */
public interface BillingApi {

    /** How many payments and refunds a summary lists. */
    int RECENT_ENTRIES = 10;

    Optional<BillingSummary> findSummary(UserId userId);

    /** The most references {@link #findCharges} answers in one call: a paged job's page of orders (ADR 0034). */
    int MAX_BATCH_SIZE = 1000;

    /** What became of each charge reference billing has seen, in one query; unknown references are left out. */
    List<ChargeView> findCharges(Collection<UUID> chargeReferences);
}
