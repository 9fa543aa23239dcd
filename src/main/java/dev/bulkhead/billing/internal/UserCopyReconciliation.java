package dev.bulkhead.billing.internal;

import dev.bulkhead.platform.Reconciliation;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares billing's copy of the users (the account's email, name and active flag) with the user module, a page of
 * users at a time, and repairs what drifted: a missing account is opened, changed fields are copied again. Then,
 * a page of accounts at a time, accounts of users the user module no longer knows are counted and logged, never
 * deleted: their ledger is financial history. Each page is one billing transaction with the job's checkpoint; the
 * user module is asked outside it (ADR 0027, ADR 0034).
 *
 * <p>The cursor is {@code users:<last user id>} in the first phase and {@code orphans:<last user id>} in the second.
 */
@Component
class UserCopyReconciliation implements Reconciliation {

    static final String USERS = "users:";
    static final String ORPHANS = "orphans:";
    private static final Logger log = LoggerFactory.getLogger(UserCopyReconciliation.class);

    private final UserApi users;
    private final AccountRepository accounts;
    private final UserCopyRepairs repairs;
    private final TransactionTemplate transaction;

    UserCopyReconciliation(UserApi users, AccountRepository accounts, UserCopyRepairs repairs,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.accounts = accounts;
        this.repairs = repairs;
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

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** Every user once, then every account once; the accounts stand in for the users. */
    @Override
    public long estimateTotal() {
        return 2 * inTransaction(accounts::count);
    }

    @Override
    public Page nextPage(@Nullable String cursor, int size) {
        if (cursor == null || cursor.startsWith(USERS)) {
            return usersPage(cursor == null || cursor.equals(USERS) ? null : new UserId(UUID.fromString(cursor.substring(USERS.length()))),
                    size);
        }
        String after = cursor.substring(ORPHANS.length());
        return orphansPage(after.isEmpty() ? new UUID(0, 0) : UUID.fromString(after), size);
    }

    private Page usersPage(@Nullable UserId after, int size) {
        List<UserView> page = users.findPageAfter(after, size);
        String next = page.size() < size ? ORPHANS : USERS + page.get(page.size() - 1).id().value();
        return new Paged(() -> {
            long[] counts = repairs.repairPage(page);
            return new Applied(page.size(), counts[0], counts[1]);
        }, next, false);
    }

    /** Accounts whose user is gone: reported, not repaired. The nil UUID sorts first in PostgreSQL. */
    private Page orphansPage(UUID after, int size) {
        List<UUID> batch = inTransaction(() -> accounts.findUserIdsAfter(after, Limit.of(size)));
        List<UserId> ids = batch.stream().map(UserId::new).toList();
        Set<UserId> known = users.findAllById(ids).stream().map(UserView::id).collect(Collectors.toSet());
        List<UserId> orphans = ids.stream().filter(id -> !known.contains(id)).toList();
        String next = batch.isEmpty() ? ORPHANS + (after.equals(new UUID(0, 0)) ? "" : after) : ORPHANS + batch.get(batch.size() - 1);
        return new Paged(() -> {
            orphans.forEach(id -> log.warn("Billing account {} belongs to no user the user module knows", id));
            return new Applied(batch.size(), orphans.size(), 0);
        }, next, batch.size() < size);
    }

    private record Paged(Supplier<Applied> work, String cursorAfter, boolean last) implements Page {

        @Override
        public Applied apply() {
            return work.get();
        }
    }
}
