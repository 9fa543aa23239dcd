package dev.bulkhead.history.internal;

import dev.bulkhead.history.OrderHistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A page of read-model rows as one array per column, for a statement that writes the whole page at once: it selects
 * from {@link #UNNEST} (a table {@code r} with the read model's columns), so a page of a thousand rows costs one
 * statement and one round trip, not a thousand (ADR 0034, "Throughput"). Timestamps travel as ISO-8601 text, which
 * PostgreSQL reads exactly (microseconds, UTC).
 */
final class PageColumns {

    static final String UNNEST = """
            unnest(CAST(:orderIds AS uuid[]), CAST(:userIds AS uuid[]), CAST(:statuses AS text[]),
                CAST(:statusAts AS timestamptz[]), CAST(:currencies AS text[]), CAST(:totals AS bigint[]),
                CAST(:paids AS bigint[]), CAST(:refundeds AS bigint[]), CAST(:failures AS text[]), CAST(:placedAts AS timestamptz[]))
            AS r(order_id, user_id, status, status_at, currency, total_minor, paid_minor,
                refunded_minor, failure_reason, placed_at)""";

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
        String[] statusAts = new String[size];
        String[] currencies = new String[size];
        Long[] totals = new Long[size];
        Long[] paids = new Long[size];
        Long[] refundeds = new Long[size];
        String[] failures = new String[size];
        String[] placedAts = new String[size];
        for (int i = 0; i < size; i++) {
            OrderHistoryEntry entry = entries.get(i);
            orderIds[i] = entry.orderId().value();
            userIds[i] = entry.userId().value();
            statuses[i] = entry.status().name();
            statusAts[i] = statusAt == null ? null : statusAt.get(i).toString();
            currencies[i] = entry.total().currency();
            totals[i] = entry.total().minorUnits();
            paids[i] = entry.paid().minorUnits();
            refundeds[i] = entry.refunded().minorUnits();
            failures[i] = entry.failureReason();
            placedAts[i] = entry.placedAt().toString();
        }
        return new PageColumns(new MapSqlParameterSource().addValue("orderIds", orderIds).addValue("userIds", userIds)
                .addValue("statuses", statuses)
                .addValue("statusAts", statusAts).addValue("currencies", currencies).addValue("totals", totals)
                .addValue("paids", paids).addValue("refundeds", refundeds).addValue("failures", failures)
                .addValue("placedAts", placedAts));
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }
}
