package dev.bulkhead.order.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Order ids that sort by when the order was placed: UUID version 7 (RFC 9562), the placement's Unix milliseconds in
 * the first 48 bits, then 74 random bits (ADR 0041). PostgreSQL compares uuids byte by byte, so an order's rows, in
 * every table keyed or looked up by the order's id, sit next to the rows of orders placed about the same time: a page
 * of a thousand consecutive ids (the paged jobs, ADR 0034) reads a few pages of each table instead of a thousand
 * scattered ones, and the order history's rows go in at the end of its primary key. The random bits keep ids as hard to
 * guess as before for all practical purposes; an id tells when its order was placed, which the order says anyway.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;
    private static final long LAST_MILLISECOND = (1L << 48) - 1; // year 10889

    private TimeOrderedIds() {
    }

    static UUID at(Instant placedAt) {
        long millis = placedAt.toEpochMilli();
        if (millis < 0 || millis > LAST_MILLISECOND) {
            throw new IllegalArgumentException("a version 7 id holds a time from 1970 to 10889, not " + placedAt);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randomA = ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL); // 12 bits
        long randomB = 0;
        for (int i = 2; i < 10; i++) {
            randomB = (randomB << 8) | (random[i] & 0xFFL);
        }
        return new UUID((millis << 16) | VERSION_7 | randomA, VARIANT_IETF | (randomB >>> 2));
    }
}
