package dev.bulkhead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.testing.IntegrationTest;
import dev.bulkhead.testing.ModuleTransactions;
import dev.bulkhead.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A {@link UuidArray} reads back in PostgreSQL as the ids it was made of, whether the driver sends it in binary (as on
 * every module connection) or as text (on any other), and its binary form is byte for byte PostgreSQL's own.
 */
@IntegrationTest
class UuidArrayTests {

    /** Ids whose bytes a sign, an endianness or a half swapped would get wrong. */
    private static final UUID[] AWKWARD = { new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1),
            new UUID(0x0123_4567_89ab_cdefL, 0xfedc_ba98_7654_3210L), UUID.randomUUID() };

    static TestDatabase.Coordinates database;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void database() {
        database = TestDatabase.newDatabase("uuidarray");
    }

    @Test
    void its_binary_form_is_the_one_postgresql_sends_for_the_same_ids() throws Exception {
        try (Connection connection = plainConnection()) {
            for (UUID[] ids : List.of(new UUID[0], new UUID[] { AWKWARD[3] }, AWKWARD)) {
                UuidArray array = UuidArray.of(ids);
                byte[] ours = new byte[array.lengthInBytes()];
                array.toBytes(ours, 0);

                byte[] postgres = arraySend(connection, array.getValue());

                assertThat(ours).as("%d ids", ids.length).isEqualTo(postgres);
            }
        }
    }

    @Test
    void sent_as_text_on_a_connection_that_does_not_send_the_type_in_binary_it_reads_back_as_the_same_ids() throws Exception {
        try (Connection connection = plainConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).binaryTransferSend(Oid.UUID_ARRAY)).isFalse();

            assertThat(unnested(connection, AWKWARD)).containsExactly(AWKWARD);
            assertThat(unnested(connection, new UUID[0])).isEmpty();
        }
    }

    @Test
    void sent_in_binary_it_reads_back_as_the_same_ids_in_the_same_order() throws Exception {
        UUID[] thousand = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).toArray(UUID[]::new);
        try (Connection connection = binaryConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).binaryTransferSend(Oid.UUID_ARRAY)).isTrue();

            assertThat(unnested(connection, AWKWARD)).containsExactly(AWKWARD);
            assertThat(unnested(connection, thousand)).containsExactly(thousand);
            assertThat(unnested(connection, new UUID[0])).isEmpty();
            // as the driver prepares a statement on the server after a few runs, and then binds it differently
            for (int run = 0; run < 6; run++) {
                assertThat(unnested(connection, AWKWARD)).as("run %d", run).containsExactly(AWKWARD);
            }
            // the switch asks for uuid[] results in binary too: they still read back, prepared on the server or not
            try (PreparedStatement statement = connection.prepareStatement("SELECT array_agg(id) FROM unnest(?) AS u(id)")) {
                statement.setObject(1, UuidArray.of(AWKWARD));
                for (int run = 0; run < 8; run++) {
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        assertThat((UUID[]) rows.getArray(1).getArray()).as("run %d", run).containsExactly(AWKWARD);
                    }
                }
            }
        }
    }

    @Test
    void every_module_connection_sends_it_in_binary() {
        ModuleTransactions modules = new ModuleTransactions(transactions, jdbc);
        for (String module : List.of("user", "billing", "order", "history")) {
            Boolean binary = modules.of(module).execute(status -> jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.unwrap(BaseConnection.class).binaryTransferSend(Oid.UUID_ARRAY)));
            assertThat(binary).as(module).isTrue();
            List<UUID> read = modules.of(module).execute(status ->
                    jdbc.queryForList("SELECT unnest(?)", UUID.class, UuidArray.of(AWKWARD)));
            assertThat(read).as(module).containsExactly(AWKWARD);
            // and a uuid[] result still reads back, also once the driver has prepared the statement on the server
            List<UUID[]> aggregated = modules.of(module).execute(status -> IntStream.range(0, 8).mapToObj(run ->
                    jdbc.queryForObject("SELECT array_agg(id) FROM unnest(?) AS u(id)", (row, number) ->
                            (UUID[]) row.getArray(1).getArray(), UuidArray.of(AWKWARD))).toList());
            assertThat(aggregated).as(module).allSatisfy(ids -> assertThat(ids).containsExactly(AWKWARD));
        }
    }

    @Test
    void an_array_with_a_missing_id_is_refused_when_it_is_made_not_when_it_is_sent() {
        UUID[] withNull = Arrays.copyOf(AWKWARD, AWKWARD.length + 1);
        assertThatThrownBy(() -> UuidArray.of(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("an id in a uuid[] parameter");
    }

    private static Connection plainConnection() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** As a module's connection is set up ({@code ModulePool}). */
    private static Connection binaryConnection() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        properties.setProperty("binaryTransferEnable", UuidArray.DRIVER_TYPE_NAME);
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static List<UUID> unnested(Connection connection, UUID[] ids) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT unnest(?) AS id")) {
            statement.setObject(1, UuidArray.of(ids));
            List<UUID> read = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    read.add(rows.getObject("id", UUID.class));
                }
            }
            return read;
        }
    }

    /** PostgreSQL's own binary form of the array whose text form is given. */
    private static byte[] arraySend(Connection connection, String text) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT array_send(CAST(? AS uuid[]))")) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        }
    }
}
