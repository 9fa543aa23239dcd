package dev.bulkhead.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.jmolecules.ddd.types.Identifier;

/** Identifies an order. */
public record OrderId(UUID value) implements Identifier {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
