package dev.bulkhead.user.internal;

import dev.bulkhead.platform.Caller;
import dev.bulkhead.platform.PublishedQuery;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserDeactivated;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRegistered;
import dev.bulkhead.user.UserRenamed;
import dev.bulkhead.user.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, renames and deactivates users. Each change and the event announcing it commit in one
 * transaction: the event publication registry stores the event next to the change.
 */
@Service
class UserService implements UserApi {

    private final UserRepository users;
    private final UserViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(UserRepository users, UserViews views, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    UserView register(String email, String name) {
        String trimmedEmail = email.trim();
        if (users.existsByEmail(trimmedEmail)) {
            throw emailTaken();
        }
        User user = new User(trimmedEmail, name.trim(), now());
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException raceLost) {
            // another request registered the same address between the check and the insert
            throw emailTaken();
        }
        events.publishEvent(new UserRegistered(UUID.randomUUID(), user.id(), user.email(), user.name(), now()));
        return user.toView();
    }

    @Transactional
    UserView rename(UserId id, String name) {
        Caller.requireChangeAccessTo(id.value(), "profile");
        User user = load(id);
        if (!user.isActive()) {
            throw RejectedRequest.conflict("id", "user " + id + " is deactivated and can no longer be renamed");
        }
        if (user.rename(name.trim())) {
            events.publishEvent(new UserRenamed(UUID.randomUUID(), id, user.name(), now()));
        }
        return user.toView();
    }

    /** Idempotent: deactivating an inactive user changes nothing and publishes nothing. */
    @Transactional
    UserView deactivate(UserId id) {
        Caller.requireChangeAccessTo(id.value(), "profile");
        User user = load(id);
        if (user.deactivate()) {
            events.publishEvent(new UserDeactivated(UUID.randomUUID(), id, now()));
        }
        return user.toView();
    }

    @Override
    @PublishedQuery
    public Optional<UserView> findById(UserId id) {
        Caller.requireReadAccessTo(id.value(), "profile");
        return users.findById(id.value()).map(User::toView);
    }

    @Override
    @PublishedQuery
    public List<UserView> findAllById(Collection<UserId> ids) {
        if (ids.size() > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("at most " + MAX_BATCH_SIZE + " ids per call, got " + ids.size());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        ids.forEach(id -> Caller.requireReadAccessTo(id.value(), "profile"));
        return views.byIds(ids.stream().map(UserId::value).distinct().toList());
    }

    @Override
    @PublishedQuery
    public List<UserView> findPageAfter(UserId after, int limit) {
        Caller.requireStaff("listing every user");
        if (limit < 1 || limit > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_BATCH_SIZE);
        }
        return views.pageAfter(after, limit);
    }

    private User load(UserId id) {
        return users.findById(id.value()).orElseThrow(() -> RejectedRequest.notFound("user", id));
    }

    private static RejectedRequest emailTaken() {
        return RejectedRequest.conflict("email", "a user with this email is already registered");
    }

    private Instant now() {
        return clock.instant();
    }
}
