package dev.bulkhead.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.history.OrderHistoryEntry;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderStatus;
import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.user.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page's columns as the database reads them back from {@link PageColumns#UNNEST}: every value as it was sent, the
 * times to the microsecond although they travel as numbers (ADR 0042, third amendment).
 */
@IntegrationTest
class PageColumnsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryTransactions transactions;

    /** Times a rounding or a zone would get wrong: before the epoch, odd microseconds, a leap day, the last exact year. */
    private static final List<Instant> AWKWARD = List.of(Instant.parse("2026-12-04T20:41:14.965855Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("2028-02-29T23:59:59.000001Z"), Instant.parse("2255-06-01T12:34:56.789013Z"));

    @Test
    void every_value_of_a_page_reads_back_as_it_was_sent_the_times_to_the_microsecond() {
        List<OrderHistoryEntry> entries = IntStream.range(0, AWKWARD.size()).mapToObj(i -> entry(i, AWKWARD.get(i))).toList();
        List<Instant> statusAt = IntStream.range(0, AWKWARD.size()).mapToObj(i -> AWKWARD.get(AWKWARD.size() - 1 - i)).toList();

        List<Map<String, Object>> rows = read(PageColumns.of(entries, statusAt));

        assertThat(rows).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            OrderHistoryEntry sent = entries.get(i);
            Map<String, Object> row = rows.get(i);
            assertThat(row.get("order_id")).isEqualTo(sent.orderId().value());
            assertThat(row.get("user_id")).isEqualTo(sent.userId().value());
            assertThat(row.get("status")).isEqualTo(sent.status().name());
            assertThat(row.get("currency")).isEqualTo("EUR");
            assertThat(row.get("total_minor")).isEqualTo(sent.total().minorUnits());
            assertThat(row.get("paid_minor")).isEqualTo(sent.paid().minorUnits());
            assertThat(row.get("refunded_minor")).isEqualTo(sent.refunded().minorUnits());
            assertThat(row.get("failure_reason")).isEqualTo(sent.failureReason());
            assertThat(((Timestamp) row.get("placed_at")).toInstant()).as("placed_at of row %d", i).isEqualTo(sent.placedAt());
            assertThat(((Timestamp) row.get("status_at")).toInstant()).as("status_at of row %d", i).isEqualTo(statusAt.get(i));
        }
    }

    @Test
    void without_the_times_of_the_statuses_the_column_is_null_in_every_row() {
        List<OrderHistoryEntry> entries = List.of(entry(0, AWKWARD.get(0)), entry(1, AWKWARD.get(1)));

        List<Map<String, Object>> rows = read(PageColumns.of(entries, null));

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.get("status_at")).isNull());
        assertThat(rows).extracting(row -> ((Timestamp) row.get("placed_at")).toInstant())
                .containsExactly(AWKWARD.get(0), AWKWARD.get(1));
    }

    @Test
    void a_finer_part_than_a_microsecond_is_dropped_as_the_database_would_not_keep_it() {
        assertThat(PageColumns.micros(Instant.parse("2026-12-04T20:41:14.965855999Z"))).isEqualTo(1_796_416_874_965_855L);
        assertThat(PageColumns.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
    }

    private List<Map<String, Object>> read(PageColumns columns) {
        return transactions.inTransaction(() -> jdbc.sql("SELECT r.* FROM " + PageColumns.UNNEST + " ORDER BY r.order_id")
                .paramSource(columns.parameters()).query().listOfRows());
    }

    private static OrderHistoryEntry entry(int number, Instant placedAt) {
        // ids in the order of the entries, so that the rows read back in id order line up with them
        UUID id = new UUID(0x0100_0000_0000_0000L, number + 1);
        return new OrderHistoryEntry(new OrderId(id), new UserId(UUID.randomUUID()), null, null,
                OrderStatus.values()[number % OrderStatus.values().length], Money.of(1_000L + number, "EUR"),
                Money.of(number * 100L, "EUR"), Money.of(number, "EUR"), number % 2 == 0 ? null : "DECLINED", placedAt);
    }
}
