package dev.bulkhead.minimal.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The billing module's one entity: enough for JPA to bootstrap a mapping and a repository in the floor app. */
@Entity
@Table(schema = "billing", name = "accounts")
public class Account {

    @Id
    private UUID id;

    private String name;

    protected Account() {
    }
}
