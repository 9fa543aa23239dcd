package dev.bulkhead.dashboard;

import dev.bulkhead.loyalty.LoyaltyApi;
import dev.bulkhead.loyalty.internal.Loyalty;
import java.util.UUID;

/**
 * Two in-process calls from the dashboard into the loyalty module of the test sources, for the extraction
 * readiness of the test application's docs (ModuleAdditionDocumentationTests): a published query, which the
 * platform serves over HTTP once loyalty runs elsewhere (ready), and a write on its internal service, which it
 * cannot (a blocker). Not a bean: nothing runs it.
 */
final class LoyaltyCallsFixture {

    private LoyaltyCallsFixture() {
    }

    static long pointsAfterBonus(Loyalty loyalty, LoyaltyApi api, UUID customer) {
        loyalty.award(customer, 10);
        return api.pointsOf(customer);
    }
}
