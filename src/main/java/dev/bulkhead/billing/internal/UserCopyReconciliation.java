package dev.bulkhead.billing.internal;

import dev.bulkhead.platform.Reconciliation;
import dev.bulkhead.platform.TableRows;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares billing's copy of the users (the account's email, name and active flag) with the user module, a range of
 * users by id at a time, and repairs what drifted: a missing account is opened, changed fields are copied again.
 * Accounts in the range of users the user module no longer knows are counted and logged, never deleted: their ledger
 * is financial history. Each page is one billing transaction with the job's checkpoint; the user module is asked
 * outside it (ADR 0027, ADR 0034). A page is read without looking at what the pages before it wrote, so the platform
 * may read it while the page before it is applied.
 *
 * <p>The cursor is {@code users:<last user id>}.
 */
@Component
class UserCopyReconciliation implements Reconciliation {

    static final String USERS = "users:";
    private static final Logger log = LoggerFactory.getLogger(UserCopyReconciliation.class);

    private final UserApi users;
    private final JdbcClient jdbc;
    private final UserCopyRepairs repairs;
    private final Clock clock;
    private final TransactionTemplate transaction;

    UserCopyReconciliation(UserApi users, JdbcClient jdbc, UserCopyRepairs repairs, Clock clock,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.jdbc = jdbc;
        this.repairs = repairs;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        // the router picks the module's connection from the transaction's name (ADR 0006)
        this.transaction.setName(UserCopyReconciliation.class.getName() + ".page");
    }

    @Override
    public String name() {
        return "billing.user-copy";
    }

    @Override
    public String schema() {
        return BillingSchema.NAME;
    }

    /** Each page is a range of the source: reading it does not depend on the pages before it. */
    @Override
    public boolean readsAhead() {
        return true;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** Every user once; the accounts stand in for the users, estimated when many ({@link TableRows}). */
    @Override
    public long estimateTotal() {
        return inTransaction(() -> TableRows.of(jdbc, BillingSchema.NAME + ".accounts"));
    }

    /**
     * A cursor other than {@code users:<id>} (none; {@code orphans:…}, left by a version that looked for orphans in a
     * second pass) starts from the first user: comparing a range again changes nothing that is in line.
     */
    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        String from = cursor != null && cursor.startsWith(USERS) ? cursor.substring(USERS.length()) : "";
        UserId after = from.isEmpty() ? null : new UserId(UUID.fromString(from));
        Instant readFrom = clock.instant();
        List<UserView> page = users.findPageAfter(after, size);
        UserId upTo = page.size() < size ? null : page.get(page.size() - 1).id();
        return new Paged(() -> {
            UserCopyRepairs.Counts counts = repairs.repairRange(page, after, upTo, readFrom);
            counts.orphans().forEach(id -> log.warn("Billing account {} belongs to no user the user module knows", id));
            return new Applied(page.size(), counts.drifted() + counts.orphans().size(), counts.drifted());
        }, USERS + (upTo == null ? from : upTo.value()), upTo == null);
    }

    /**
     * A page of accounts, compared and repaired as a whole: the copy holds a twelfth as many rows as the order history,
     * its run lasts about a second at a million orders' volume, and the few statements of a page are short.
     */
    private record Paged(Supplier<Applied> work, String cursorAfter, boolean last) implements Page {

        @Override
        public Applied apply(Pacing pacing) {
            return work.get();
        }
    }
}
