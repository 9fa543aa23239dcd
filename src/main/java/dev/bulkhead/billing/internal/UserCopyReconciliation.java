package dev.bulkhead.billing.internal;

import dev.bulkhead.platform.Reconciliation;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.data.domain.Limit;

/**
 * Compares billing's copy of the users (the account's email, name and active flag) with the user
 * module, a page of users at a time, and repairs what drifted: a missing account is opened, changed
 * fields are copied again. Accounts of users the user module no longer knows are counted and
 * logged, never deleted: their ledger is financial history.
 */
@Component
class UserCopyReconciliation implements Reconciliation {

    static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(UserCopyReconciliation.class);

    private final UserApi users;
    private final AccountRepository accounts;
    private final UserCopyRepairs repairs;

    UserCopyReconciliation(UserApi users, AccountRepository accounts, UserCopyRepairs repairs) {
        this.users = users;
        this.accounts = accounts;
        this.repairs = repairs;
    }

    @Override
    public String name() {
        return "billing.user-copy";
    }

    @Override
    public Report run() {
        long checked = 0;
        long drifted = 0;
        long repaired = 0;
        UserId cursor = null;
        List<UserView> page;
        do {
            page = users.findPageAfter(cursor, PAGE);
            long[] counts = repairs.repairPage(page);
            checked += page.size();
            drifted += counts[0];
            repaired += counts[1];
            cursor = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        long orphans = countOrphans();
        return new Report(name(), checked + orphans, drifted + orphans, repaired);
    }

    /** Accounts whose user is gone: reported, not repaired. */
    private long countOrphans() {
        long orphans = 0;
        UUID cursor = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL, which compares UUIDs as unsigned bytes
        List<UUID> batch;
        do {
            batch = accounts.findUserIdsAfter(cursor, Limit.of(PAGE));
            List<UserId> ids = batch.stream().map(UserId::new).toList();
            Set<UserId> known = users.findAllById(ids).stream().map(UserView::id).collect(Collectors.toSet());
            for (UserId id : ids) {
                if (!known.contains(id)) {
                    orphans++;
                    log.warn("Billing account {} belongs to no user the user module knows", id);
                }
            }
            cursor = batch.isEmpty() ? cursor : batch.get(batch.size() - 1);
        } while (batch.size() == PAGE);
        return orphans;
    }
}
