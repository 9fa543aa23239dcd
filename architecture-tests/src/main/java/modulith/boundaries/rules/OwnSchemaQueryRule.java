package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Location;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;
import modulith.boundaries.bytecode.ConstantPoolStrings;
import modulith.boundaries.sql.JpqlEntities;
import modulith.boundaries.sql.SchemaCrossings;
import modulith.boundaries.sql.TableReference;

/**
 * R5: no SQL or JPQL of a module touches another module's schema or entities. Reads queries from
 * {@code @Query}, {@code @NamedQuery} and {@code @NamedNativeQuery}, and every SQL-looking string
 * constant in the class files (which covers strings handed to {@code JdbcTemplate},
 * {@code JdbcClient}, {@code createNativeQuery}, also when kept in a {@code static final} constant).
 */
public final class OwnSchemaQueryRule implements BoundaryRule {

    private static final Set<String> STATEMENT_STARTS = Set.of("select", "with", "insert", "update", "delete", "merge",
            "from", "call", "create", "alter", "drop", "truncate");

    private enum Language { SQL, JPQL, UNKNOWN }

    @Override
    public String id() {
        return "R5.sql";
    }

    @Override
    public String sentence() {
        return "No SQL or JPQL of a module touches another module's schema.";
    }

    @Override
    public String help() {
        return "A query that reads or writes another module's tables bypasses its API, its invariants and its events, "
                + "and breaks as soon as that module changes its schema. Query only your own schema (unqualified names "
                + "resolve to it); get other modules' data through their published API or from their events.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        SchemaCrossings crossings = new SchemaCrossings(codebase.modules());
        JpqlEntities jpql = new JpqlEntities(codebase.entitiesByJpqlName());
        List<Violation> violations = new ArrayList<>();
        for (JavaClass javaClass : codebase.classes()) {
            Optional<String> module = codebase.moduleOf(javaClass);
            if (module.isEmpty()) {
                continue;
            }
            Checker checker = new Checker(codebase, crossings, jpql, module.get(), violations);
            for (DeclaredQueries.DeclaredQuery query : DeclaredQueries.of(javaClass)) {
                checker.check(query.text(), query.nativeSql() ? Language.SQL : Language.JPQL,
                        locate(codebase, javaClass, query.member(), query.text()));
            }
            javaClass.getSource().ifPresent(source -> {
                for (String constant : ConstantPoolStrings.of(source.getUri())) {
                    if (looksLikeAStatement(constant)) {
                        int line = codebase.sources().literalLine(javaClass, constant);
                        checker.check(constant, Language.UNKNOWN, Location.of(codebase.sources().displayPath(javaClass),
                                line > 0 ? line : codebase.sources().declarationLine(javaClass), javaClass.getName()));
                    }
                }
            });
        }
        return RuleResult.of(violations);
    }

    /** Only a cheap filter on the first word; whether the string really is SQL is for the parser to decide. */
    private static boolean looksLikeAStatement(String text) {
        String trimmed = text.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return end < trimmed.length() && STATEMENT_STARTS.contains(trimmed.substring(0, end).toLowerCase(Locale.ROOT));
    }

    private static Location locate(Codebase codebase, JavaClass javaClass, String member, String query) {
        int line = codebase.sources().literalLine(javaClass, query);
        return Location.of(codebase.sources().displayPath(javaClass),
                line > 0 ? line : codebase.sources().memberLine(javaClass, member, true), javaClass.getName() + "." + member);
    }

    /** Checks the queries of one module and collects what crosses. */
    private final class Checker {

        private final Codebase codebase;
        private final SchemaCrossings crossings;
        private final JpqlEntities jpql;
        private final String module;
        private final List<Violation> violations;

        Checker(Codebase codebase, SchemaCrossings crossings, JpqlEntities jpql, String module, List<Violation> violations) {
            this.codebase = codebase;
            this.crossings = crossings;
            this.jpql = jpql;
            this.module = module;
            this.violations = violations;
        }

        void check(String query, Language language, Location location) {
            if (language != Language.JPQL) {
                for (TableReference table : crossings.of(module, query).foreign()) {
                    String owner = crossings.ownerOf(table);
                    violations.add(new Violation(id(), location, crossings.boundary(module, table), table.display(),
                            "SQL touches " + owner + "'s " + (table.kind() == TableReference.Kind.FUNCTION ? "function " : "table ")
                                    + table.display() + " (\"" + abbreviate(query) + "\")",
                            insteadOf(owner)));
                }
            }
            if (language != Language.SQL) {
                for (JavaClass entity : jpql.referencedBy(query)) {
                    Optional<String> owner = codebase.moduleOf(entity);
                    if (owner.isPresent() && !owner.get().equals(module) && codebase.isPersistent(entity)) {
                        violations.add(new Violation(id(), location, module + " → " + owner.get(), entity.getName(),
                                "JPQL reads " + owner.get() + "'s entity " + entity.getSimpleName() + " (\"" + abbreviate(query) + "\")",
                                insteadOf(owner.get())));
                    }
                }
            }
        }

        private String insteadOf(String owner) {
            return "get the data from " + codebase.publishedApiHint(owner) + " (" + owner + "'s published API), or keep a copy in "
                    + module + "'s own schema" + codebase.modules().schemaOf(module).map(schema -> " (" + schema + ")").orElse("")
                    + " fed by " + owner + "'s events; query only " + module + "'s own tables";
        }
    }

    private static String abbreviate(String query) {
        String flat = query.strip().replaceAll("\\s+", " ");
        return flat.length() > 90 ? flat.substring(0, 87) + "…" : flat;
    }
}
