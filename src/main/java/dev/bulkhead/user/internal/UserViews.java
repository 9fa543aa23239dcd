package dev.bulkhead.user.internal;

import dev.bulkhead.platform.UuidArray;
import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users as views for the batch queries (a page of an order listing, a paged job's thousand customers), read with
 * plain SQL: the same views as {@link User#toView()} without building entities and their snapshots for data nobody
 * changes (ADR 0034, "Throughput").
 */
@Repository
class UserViews {

    private static final String COLUMNS = "id, email, name, active, registered_at";
    private static final UUID FIRST = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL

    private final JdbcClient jdbc;

    UserViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users with these ids, in no particular order; unknown ids are left out. */
    List<UserView> byIds(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users.users WHERE id = ANY(?)").param(UuidArray.of(ids))
                .query(UserViews::view).list();
    }

    /** The users after {@code after} (from the start when null) in id order, at most {@code limit}. */
    List<UserView> pageAfter(@Nullable UserId after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users.users WHERE id > ? ORDER BY id LIMIT ?")
                .params(after == null ? FIRST : after.value(), limit).query(UserViews::view).list();
    }

    private static UserView view(ResultSet row, int number) throws SQLException {
        return new UserView(new UserId(row.getObject("id", UUID.class)), row.getString("email"), row.getString("name"),
                row.getBoolean("active"), row.getTimestamp("registered_at").toInstant());
    }
}
