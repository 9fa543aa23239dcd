package dev.bulkhead.user.internal;

import dev.bulkhead.testing.DatabaseInspector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.testing.TestDatabaseConfiguration;
import dev.bulkhead.user.UserApi;
import dev.bulkhead.user.UserDeactivated;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserRegistered;
import dev.bulkhead.user.UserRenamed;
import dev.bulkhead.user.UserView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/** The user module alone, on a real PostgreSQL: every change is announced by exactly one event. */
@ApplicationModuleTest
@Import(TestDatabaseConfiguration.class)
class UserModuleTests {

    @Autowired
    UserService users;

    @Autowired
    UserApi api;

    @Autowired
    DatabaseInspector jdbc;

    @Test
    void registering_stores_the_user_and_publishes_user_registered(AssertablePublishedEvents events) {
        UserView user = users.register("  alan@example.com ", " Alan ");

        assertThat(api.findById(user.id())).contains(user);
        assertThat(user.email()).isEqualTo("alan@example.com");
        assertThat(user.name()).isEqualTo("Alan");
        assertThat(events).contains(UserRegistered.class)
                .matching(UserRegistered::userId, user.id())
                .matching(UserRegistered::email, "alan@example.com");
    }

    @Test
    void an_email_is_taken_whatever_its_case_and_the_refusal_writes_nothing(AssertablePublishedEvents events) {
        users.register("Barbara@Example.com", "Barbara");
        long before = count();

        assertThatThrownBy(() -> users.register("barbara@example.COM", "Other Barbara"))
                .isInstanceOfSatisfying(RejectedRequest.class,
                        rejected -> assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));

        assertThat(count()).isEqualTo(before);
        assertThat(events.ofType(UserRegistered.class)).hasSize(1);
    }

    @Test
    void renaming_publishes_user_renamed_only_when_the_name_changes(AssertablePublishedEvents events) {
        UserView user = users.register("claude@example.com", "Claude");

        users.rename(user.id(), "Claude Shannon");
        users.rename(user.id(), "Claude Shannon");

        assertThat(api.findById(user.id())).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("Claude Shannon"));
        assertThat(events.ofType(UserRenamed.class)).hasSize(1);
        assertThat(events).contains(UserRenamed.class).matching(UserRenamed::name, "Claude Shannon");
    }

    @Test
    void deactivating_twice_publishes_user_deactivated_once(AssertablePublishedEvents events) {
        UserView user = users.register("dennis@example.com", "Dennis");

        users.deactivate(user.id());
        users.deactivate(user.id());

        assertThat(api.findById(user.id())).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
        assertThat(events.ofType(UserDeactivated.class)).hasSize(1);
    }

    @Test
    void a_deactivated_user_cannot_be_renamed() {
        UserView user = users.register("edsger@example.com", "Edsger");
        users.deactivate(user.id());

        assertThatThrownBy(() -> users.rename(user.id(), "E. W. Dijkstra")).isInstanceOf(RejectedRequest.class);
        assertThat(api.findById(user.id())).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("Edsger"));
    }

    @Test
    void many_users_are_found_by_id_in_one_call_and_unknown_ids_are_left_out() {
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(users.register("batch" + i + "@example.com", "Batch " + i).id());
        }
        ids.add(UserId.random());

        assertThat(api.findAllById(ids)).extracting(UserView::id).containsExactlyInAnyOrderElementsOf(ids.subList(0, 5));
        assertThat(api.findAllById(List.of())).isEmpty();
    }

    @Test
    void a_batch_above_the_maximum_is_refused() {
        List<UserId> tooMany = new ArrayList<>();
        for (int i = 0; i <= UserApi.MAX_BATCH_SIZE; i++) {
            tooMany.add(UserId.random());
        }
        assertThatThrownBy(() -> api.findAllById(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    private long count() {
        return jdbc.sql("select count(*) from users.users").query(Long.class).single();
    }
}
