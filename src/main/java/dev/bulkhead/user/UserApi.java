package dev.bulkhead.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask the user module. Read-only: state changes reach the user module only
 * as requests to its HTTP API, and leave it only as events.
 */
public interface UserApi {

    /**
     * The most ids {@link #findAllById} answers in one call, and the most users {@link #findPageAfter} does: a paged
     * job's page (ADR 0034). Over HTTP (ADR 0027) they travel in a request body.
     */
    int MAX_BATCH_SIZE = 1000;

    Optional<UserView> findById(UserId id);

    /**
     * The users with the given ids, in one query, in no particular order; unknown ids are left out.
     *
     * @throws IllegalArgumentException for more than {@link #MAX_BATCH_SIZE} ids
     */
    List<UserView> findAllById(Collection<UserId> ids);

    /**
     * Every user, a page at a time in id order: the users after {@code after} (from the start when
     * null), at most {@code limit} (≤ {@link #MAX_BATCH_SIZE}). For jobs that compare copies.
     */
    List<UserView> findPageAfter(UserId after, int limit);
}
