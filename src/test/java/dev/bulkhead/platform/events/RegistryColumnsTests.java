package dev.bulkhead.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.testing.DatabaseInspector;
import dev.bulkhead.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.events.EventPublication;

/**
 * The contract between the platform's own SQL and Spring Modulith's publication table, checked on every build:
 * each column declared in {@link PublicationRegistry#MODULITH_COLUMNS} is still in the PostgreSQL schema that the
 * Modulith jar on the classpath ships (its newest version) and in the table our migrations built; and the
 * declaration is complete, because every column of Modulith's table that any statement in the main code names
 * is declared. An upgrade of Modulith that renames or drops a column Bulkhead uses fails here, not in production.
 */
@IntegrationTest
class RegistryColumnsTests {

    private static final String MODULITH_SCHEMAS = "classpath*:org/springframework/modulith/events/jdbc/schemas/v*/schema-postgresql.sql";
    private static final Pattern CREATE_PUBLICATION_TABLE = Pattern.compile(
            "CREATE TABLE (?:IF NOT EXISTS )?event_publication\\s*\\((.*?)\\);", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("/schemas/v(\\d+)/");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SQL_STRING = Pattern.compile("'([A-Z_]+)'");

    @Autowired
    DatabaseInspector database;

    @Test
    void modulith_schema_on_the_classpath_has_every_column_the_platform_uses() {
        assertThat(modulithColumns()).containsAll(PublicationRegistry.MODULITH_COLUMNS);
    }

    @Test
    void the_migrated_table_has_every_column_the_platform_uses_and_every_column_modulith_expects() {
        List<String> migrated = database.sql("""
                select column_name from information_schema.columns
                where table_schema = 'events' and table_name = 'event_publication'""").query(String.class).list();

        assertThat(migrated).containsAll(PublicationRegistry.MODULITH_COLUMNS);
        assertThat(migrated).as("db/events/ migrates the table Modulith's own SQL reads and writes")
                .containsAll(modulithColumns());
    }

    /** Undeclared use would escape the two checks above; a stale declaration would hold Bulkhead to a column it no longer needs. */
    @Test
    void the_declaration_names_exactly_the_columns_of_modulith_table_the_main_code_puts_in_sql() {
        TreeMap<String, Set<String>> used = new TreeMap<>();
        for (Path source : sourcesOnTheRegistryTable()) {
            for (String column : identifiersIn(source)) {
                if (modulithColumns().contains(column)) {
                    used.computeIfAbsent(column, c -> new TreeSet<>()).add(source.getFileName().toString());
                }
            }
        }

        assertThat(used.keySet()).as("columns of event_publication named in SQL (by file: %s)", used)
                .isEqualTo(new TreeSet<>(PublicationRegistry.MODULITH_COLUMNS));
    }

    /** Status values are as much Modulith's contract as its columns. */
    @Test
    void every_status_the_main_code_puts_in_sql_is_one_of_modulith() {
        Set<String> statuses = Arrays.stream(EventPublication.Status.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        for (Path source : sourcesOnTheRegistryTable()) {
            for (String literal : JavaStringLiterals.of(read(source))) {
                Matcher matcher = SQL_STRING.matcher(literal);
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }

        assertThat(named).isNotEmpty().allSatisfy(status -> assertThat(statuses).contains(status));
    }

    /** The checks above are only as good as their parsing: it finds the columns in SQL as the classes hold it. */
    @Test
    void the_parsing_finds_columns_in_text_blocks_and_strings_but_not_in_comments() {
        List<String> literals = JavaStringLiterals.of("""
                Set<String> declared = Set.of("bare_name");
                // "select comment_line from t"
                /* "select comment_block" */
                String a = "update t set status = 'FAILED' where id = :id"; // trailing "comment_trailing"
                String b = \"""
                        select completion_date, "quoted" from t
                        \""";
                char c = '"';
                """);

        assertThat(literals).hasSize(3).first().isEqualTo("bare_name");
        assertThat(String.join(" ", literals)).contains("status", "completion_date", "'FAILED'").doesNotContain("comment_");
        assertThat(modulithColumns()).contains("completion_date", "status", "listener_id");
    }

    /** Columns of {@code event_publication} in the newest PostgreSQL schema Modulith's JDBC jar ships. */
    private static Set<String> modulithColumns() {
        try {
            Resource[] schemas = new PathMatchingResourcePatternResolver().getResources(MODULITH_SCHEMAS);
            Resource newest = Stream.of(schemas).max(Comparator.comparingInt(RegistryColumnsTests::version))
                    .orElseThrow(() -> new AssertionError("no " + MODULITH_SCHEMAS + " on the classpath"));
            Matcher table = CREATE_PUBLICATION_TABLE.matcher(newest.getContentAsString(StandardCharsets.UTF_8));
            assertThat(table.find()).as("event_publication in %s", newest).isTrue();
            Set<String> columns = new LinkedHashSet<>();
            for (String definition : table.group(1).split(",")) {
                String name = definition.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
                if (!name.equals("primary") && !name.isEmpty()) {
                    columns.add(name);
                }
            }
            return columns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Resource schema) {
        try {
            Matcher matcher = VERSION.matcher(schema.getURL().toString());
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every main source file whose strings name Modulith's table: where SQL on it can live. */
    private static List<Path> sourcesOnTheRegistryTable() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> JavaStringLiterals.of(read(file)).stream().anyMatch(s -> s.contains("event_publication")))
                    .sorted().toList();
            assertThat(sources).extracting(path -> path.getFileName().toString()).contains("PublicationRegistry.java");
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Identifiers in the file's statements. A literal that is one bare word is a name, not a statement: the
     * declaration itself, a parameter, a result column read by a statement that names it too.
     */
    private static Set<String> identifiersIn(Path source) {
        Set<String> identifiers = new TreeSet<>();
        for (String literal : JavaStringLiterals.of(read(source))) {
            if (IDENTIFIER.matcher(literal).matches()) {
                continue;
            }
            Matcher matcher = IDENTIFIER.matcher(literal);
            while (matcher.find()) {
                identifiers.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
        return identifiers;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
