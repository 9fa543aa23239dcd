package dev.bulkhead.loyalty;

import java.util.UUID;

/** What other modules may ask the loyalty module. */
public interface LoyaltyApi {

    /** The points a customer holds; zero for one who never collected any. */
    long pointsOf(UUID customerId);
}
