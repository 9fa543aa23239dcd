package dev.bulkhead.billing.internal;

import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Brings one page of billing's user copies in line with the user module, in one billing transaction. */
@Component
class UserCopyRepairs {

    private final AccountRepository accounts;
    private final BillingProperties properties;
    private final Clock clock;

    UserCopyRepairs(AccountRepository accounts, BillingProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return {drifted, repaired}: every drifted copy found here is repaired */
    @Transactional
    long[] repairPage(List<UserView> page) {
        Map<UserId, Account> copies = accounts.findAllById(page.stream().map(user -> user.id().value()).toList()).stream()
                .collect(Collectors.toMap(Account::userId, Function.identity()));
        long drifted = 0;
        for (UserView user : page) {
            Account copy = copies.get(user.id());
            if (copy == null) {
                Account opened = new Account(user.id(), user.email(), user.name(), properties.currency(), clock.instant());
                opened.copyFrom(user.email(), user.name(), user.active());
                accounts.save(opened);
                drifted++;
            } else if (copy.copyDiffersFrom(user.email(), user.name(), user.active())) {
                copy.copyFrom(user.email(), user.name(), user.active());
                drifted++;
            }
        }
        return new long[] { drifted, drifted };
    }
}
