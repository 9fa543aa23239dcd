package dev.bulkhead.history.internal;

import dev.bulkhead.user.UserView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A range of customers, by user id, as the user module said it: every user with an id above {@code after} and up to
 * {@code upTo}, read after {@code readFrom} (the history database's clock). A customer's row in that range that the
 * projection last wrote before {@code readFrom} belongs to a user the read saw, if the user exists at all: the
 * projection writes only after the change it applies has committed (ADR 0034, as {@link SourceRange} for orders).
 *
 * @param after null: from the first user
 * @param upTo null: to the last user (this range is the last of its phase)
 */
record CustomerRange(@Nullable UUID after, @Nullable UUID upTo, Instant readFrom, List<UserView> customers) {

    boolean last() {
        return upTo == null;
    }
}
