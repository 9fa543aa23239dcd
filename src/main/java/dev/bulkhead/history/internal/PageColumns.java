package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.platform.UuidArray;
import java.time.Instant;
import java.util.List;
import java.sql.Types;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A page of read-model rows as one array per column, for a statement that writes the whole page at once: it selects
 * from {@link #UNNEST} (a table {@code r} with the read model's columns), so a page of a thousand rows costs one
 * statement and one round trip, not a thousand (ADR 0034, "Throughput"). Ids travel as {@link UuidArray}s, amounts
 * and times as arrays of {@code long}, all of which the driver sends in binary: a time as microseconds since the
 * epoch, PostgreSQL's own precision, turned back into a {@code timestamptz} by exact integer arithmetic. As ISO-8601
 * text, as the times travelled before, formatting them was a third of what a rebuild allocated here and parsing them
 * most of what the database spent on reading the arrays (ADR 0042, third amendment); as text, the ids were nearly half
 * of what it allocated then (fourth amendment).
 */
final class PageColumns {

    static final String UNNEST = """
            (SELECT u.order_id, u.user_id, u.status, timestamptz 'epoch' + u.status_at_micros * interval '1 microsecond' AS status_at,
                 u.currency, u.total_minor, u.paid_minor, u.refunded_minor, u.failure_reason,
                 timestamptz 'epoch' + u.placed_at_micros * interval '1 microsecond' AS placed_at
             FROM unnest(CAST(:orderIds AS uuid[]), CAST(:userIds AS uuid[]), CAST(:statuses AS text[]),
                 CAST(:statusAts AS bigint[]), CAST(:currencies AS text[]), CAST(:totals AS bigint[]),
                 CAST(:paids AS bigint[]), CAST(:refundeds AS bigint[]), CAST(:failures AS text[]),
                 CAST(:placedAts AS bigint[]))
                 AS u(order_id, user_id, status, status_at_micros, currency, total_minor, paid_minor, refunded_minor,
                     failure_reason, placed_at_micros)) AS r""";

    private final MapSqlParameterSource parameters;

    private PageColumns(MapSqlParameterSource parameters) {
        this.parameters = parameters;
    }

    /**
     * @param statusAt for each entry, when its order reached its status; null: unknown (the column is left null)
     */
    static PageColumns of(List<OrderHistoryEntry> entries, @Nullable List<Instant> statusAt) {
        int size = entries.size();
        UUID[] orderIds = new UUID[size];
        UUID[] userIds = new UUID[size];
        String[] statuses = new String[size];
        long[] statusAts = statusAt == null ? null : new long[size];
        String[] currencies = new String[size];
        long[] totals = new long[size];
        long[] paids = new long[size];
        long[] refundeds = new long[size];
        String[] failures = new String[size];
        long[] placedAts = new long[size];
        for (int i = 0; i < size; i++) {
            OrderHistoryEntry entry = entries.get(i);
            orderIds[i] = entry.orderId().value();
            userIds[i] = entry.userId().value();
            statuses[i] = entry.status().name();
            if (statusAts != null) {
                statusAts[i] = micros(statusAt.get(i));
            }
            currencies[i] = entry.total().currency();
            totals[i] = entry.total().minorUnits();
            paids[i] = entry.paid().minorUnits();
            refundeds[i] = entry.refunded().minorUnits();
            failures[i] = entry.failureReason();
            placedAts[i] = micros(entry.placedAt());
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("orderIds", UuidArray.of(orderIds))
                .addValue("userIds", UuidArray.of(userIds))
                .addValue("statuses", statuses).addValue("currencies", currencies).addValue("totals", totals)
                .addValue("paids", paids).addValue("refundeds", refundeds).addValue("failures", failures)
                .addValue("placedAts", placedAts);
        // a null array, typed so that the driver is not asked what the statement expects: unnest gives the column null
        // in every row
        return new PageColumns(statusAts == null ? parameters.addValue("statusAts", null, Types.ARRAY)
                : parameters.addValue("statusAts", statusAts));
    }

    /**
     * Microseconds since the epoch: what PostgreSQL keeps of an instant. A finer part is dropped (the times come from
     * the database, which has none); the multiplication back is exact below 2^53 microseconds, until the year 2255.
     */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }
}
