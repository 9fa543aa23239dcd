package dev.bulkhead.billing.internal;

import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings one range of billing's user copies in line with the user module, in one billing transaction: the copies in
 * the range are read with one plain statement and compared in memory; only an account that drifted is loaded as an
 * entity and changed (ADR 0034, "Throughput").
 */
@Component
class UserCopyRepairs {

    private static final UUID FIRST = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final BillingProperties properties;
    private final Clock clock;

    UserCopyRepairs(AccountRepository accounts, JdbcClient jdbc, BillingProperties properties, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param users the users with ids above {@code after} and up to {@code upTo}, as the user module answered
     * @param upTo null: the range runs to the last account
     * @param readFrom this instance's clock before the user module was asked: an account opened since may belong to a
     *     user the answer did not include yet, and is not counted as an orphan
     * @return the range's counts
     */
    @Transactional
    Counts repairRange(List<UserView> users, @Nullable UserId after, @Nullable UserId upTo, Instant readFrom) {
        Map<UUID, Copy> copies = copiesIn(after, upTo);
        long drifted = 0;
        for (UserView user : users) {
            Copy copy = copies.get(user.id().value());
            if (copy == null) {
                Account opened = new Account(user.id(), user.email(), user.name(), properties.currency(), clock.instant());
                opened.copyFrom(user.email(), user.name(), user.active());
                accounts.save(opened);
                drifted++;
            } else if (copy.differsFrom(user)) {
                accounts.findById(user.id().value()).ifPresent(account -> account.copyFrom(user.email(), user.name(), user.active()));
                drifted++;
            }
        }
        Set<UUID> known = users.stream().map(user -> user.id().value()).collect(Collectors.toSet());
        List<UserId> orphans = copies.values().stream()
                .filter(copy -> !known.contains(copy.userId()) && copy.openedAt().isBefore(readFrom))
                .map(copy -> new UserId(copy.userId())).toList();
        return new Counts(drifted, orphans);
    }

    private Map<UUID, Copy> copiesIn(@Nullable UserId after, @Nullable UserId upTo) {
        Map<UUID, Copy> copies = new HashMap<>();
        jdbc.sql("SELECT user_id, email, name, active, opened_at FROM billing.accounts WHERE user_id > :after"
                        + (upTo == null ? "" : " AND user_id <= :upTo"))
                .param("after", after == null ? FIRST : after.value())
                .param("upTo", upTo == null ? null : upTo.value())
                .query(row -> {
                    UUID user = row.getObject("user_id", UUID.class);
                    Timestamp opened = row.getTimestamp("opened_at");
                    copies.put(user, new Copy(user, row.getString("email"), row.getString("name"), row.getBoolean("active"),
                            opened.toInstant()));
                });
        return copies;
    }

    /** @param drifted copies changed or opened again; each was repaired */
    record Counts(long drifted, List<UserId> orphans) {
    }

    private record Copy(UUID userId, String email, String name, boolean active, Instant openedAt) {

        /** The fields billing copies from the user ({@link Account#copyFrom}) differ. */
        boolean differsFrom(UserView user) {
            return !email.equals(user.email()) || !name.equals(user.name()) || active != user.active();
        }
    }
}
