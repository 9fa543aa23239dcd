package dev.bulkhead.order.internal;

import dev.bulkhead.user.UserId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/** Stores a reference to a user as its bare UUID: the order module keeps the id, never the user. */
@Converter
class UserIdConverter implements AttributeConverter<UserId, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UserId id) {
        return id == null ? null : id.value();
    }

    @Override
    public UserId convertToEntityAttribute(UUID value) {
        return value == null ? null : new UserId(value);
    }
}
