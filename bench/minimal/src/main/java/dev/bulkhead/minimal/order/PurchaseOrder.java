package dev.bulkhead.minimal.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The order module's one entity: enough for JPA to bootstrap a mapping and a repository in the floor app. */
@Entity
@Table(schema = "orders", name = "purchaseorders")
public class PurchaseOrder {

    @Id
    private UUID id;

    private String name;

    protected PurchaseOrder() {
    }
}
