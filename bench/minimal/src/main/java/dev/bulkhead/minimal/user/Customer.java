package dev.bulkhead.minimal.user;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The user module's one entity: enough for JPA to bootstrap a mapping and a repository in the floor app. */
@Entity
@Table(schema = "users", name = "customers")
public class Customer {

    @Id
    private UUID id;

    private String name;

    protected Customer() {
    }
}
