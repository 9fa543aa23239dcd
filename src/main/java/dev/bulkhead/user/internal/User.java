package dev.bulkhead.user.internal;

import dev.bulkhead.user.UserId;
import dev.bulkhead.user.UserView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.springframework.data.domain.Persistable;

@Entity
@Table(schema = UserSchema.NAME, name = "users")
@AggregateRoot
class User implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    /** Null until first stored, which tells Spring Data to insert rather than merge. */
    @Version
    private Long version;

    protected User() {
    }

    User(String email, String name, Instant registeredAt) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.name = name;
        this.active = true;
        this.registeredAt = registeredAt;
    }

    UserId id() {
        return new UserId(id);
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    boolean isActive() {
        return active;
    }

    /** @return whether the name changed */
    boolean rename(String newName) {
        if (name.equals(newName)) {
            return false;
        }
        name = newName;
        return true;
    }

    /** @return whether the user was active until now */
    boolean deactivate() {
        if (!active) {
            return false;
        }
        active = false;
        return true;
    }

    UserView toView() {
        return new UserView(id(), email, name, active, registeredAt);
    }

    /**
     * Spring Data asks this on every save. Without it, it reads the version through a bean property this class does not
     * have, and pays for an exception on each save before falling back to the field.
     */
    @Override
    public boolean isNew() {
        return version == null;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
