package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Location;
import modulith.boundaries.PackageSet;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;
import modulith.boundaries.bytecode.ConstantPoolStrings;
import modulith.boundaries.sql.IdentityStatements;

/**
 * R9: no module changes its database identity, search path or privileges. A module's connections
 * run as its own role with its own search path; a module that switches role, points its search path
 * at another schema or grants its tables to another module's role has undone its bulkhead, whatever
 * the other rules say about its SQL.
 *
 * <p>Reads every string constant of every class under the base package (modules with or without a
 * schema, and the application's own classes), the queries declared in annotations, and every
 * statement of every migration script (routine bodies and {@code EXECUTE} strings included), with
 * {@link IdentityStatements}. Only the configured provisioning packages may send such statements.
 */
public final class DatabaseIdentityRule implements BoundaryRule {

    public static final String ID = "R9.identity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String sentence() {
        return "No module changes its database identity, search path or privileges.";
    }

    @Override
    public String help() {
        return "Each module connects as its own database role with its own search path, and may touch only the schema "
                + "that role is granted. SET ROLE, SESSION AUTHORIZATION, a search_path naming another schema, GRANT, "
                + "REVOKE, role definitions and SECURITY DEFINER routines step around that confinement, silently and for "
                + "every later statement on the connection. Only the provisioning code owns roles, grants and search paths; "
                + "a routine may pin its own search_path to its module's schema (SET search_path FROM CURRENT).";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        List<Violation> violations = new ArrayList<>();
        checkClasses(codebase, violations);
        checkMigrations(codebase, violations);
        return RuleResult.of(violations);
    }

    /**
     * What to do instead, for the static rule and the runtime guard alike.
     *
     * @param sender       the module (or other code) that sent the statement
     * @param ownSchema    the sender's schema, if it owns one
     * @param provisioning the packages allowed to send identity statements
     */
    public static String advice(IdentityStatements.Kind kind, String sender, Optional<String> ownSchema, PackageSet provisioning) {
        String owner = provisioning.packages().isEmpty() ? "the database provisioning outside the application"
                : "the provisioning code (" + provisioning + ")";
        String names = ownSchema.map(schema -> "qualify names with " + sender + "'s own schema " + schema)
                .orElse(sender + " owns no schema: ask the module owning the data through its published API");
        String general = "a module's connections already run as its own role with its own search path; leave roles, grants "
                + "and search paths to " + owner + ", and " + names;
        return switch (kind) {
            case ROUTINE_SEARCH_PATH -> "pin the routine to " + sender + "'s own schema: SET search_path FROM CURRENT"
                    + ownSchema.map(schema -> ", or SET search_path = " + schema + ", pg_catalog").orElse("");
            case SECURITY_DEFINER -> "let the routine run with its caller's privileges (SECURITY INVOKER, the default); " + general;
            case GRANT -> "other modules get " + sender + "'s data through its published API or its events, never through a "
                    + "grant; " + general;
            default -> general;
        };
    }

    private void checkClasses(Codebase codebase, List<Violation> violations) {
        PackageSet provisioning = codebase.configuration().identityStatementPackages();
        for (JavaClass javaClass : codebase.classes()) {
            if (provisioning.covers(javaClass.getPackageName())) {
                continue;
            }
            Optional<String> module = codebase.moduleOf(javaClass);
            String sender = module.orElse(codebase.modules().basePackage()); // classes of no module are checked too
            Optional<String> ownSchema = module.flatMap(codebase.modules()::schemaOf);
            for (DeclaredQueries.DeclaredQuery query : DeclaredQueries.of(javaClass)) {
                for (IdentityStatements.Finding finding : IdentityStatements.in(query.text(), ownSchema)) {
                    violations.add(violation(finding, "sends SQL that ", sender, ownSchema, provisioning,
                            locateQuery(codebase, javaClass, query)));
                }
            }
            javaClass.getSource().ifPresent(source -> {
                for (String constant : ConstantPoolStrings.of(source.getUri())) {
                    for (IdentityStatements.Finding finding : IdentityStatements.in(constant, ownSchema)) {
                        violations.add(violation(finding, "sends SQL that ", sender, ownSchema, provisioning,
                                locateConstant(codebase, javaClass, constant, finding)));
                    }
                }
            });
        }
    }

    private static Location locateQuery(Codebase codebase, JavaClass javaClass, DeclaredQueries.DeclaredQuery query) {
        int line = codebase.sources().literalLine(javaClass, query.text());
        return Location.of(codebase.sources().displayPath(javaClass),
                line > 0 ? line : codebase.sources().memberLine(javaClass, query.member(), true),
                javaClass.getName() + "." + query.member());
    }

    private static Location locateConstant(Codebase codebase, JavaClass javaClass, String constant, IdentityStatements.Finding finding) {
        int line = codebase.sources().constantLine(javaClass, constant);
        return Location.of(codebase.sources().displayPath(javaClass),
                line > 0 ? line + linesDown(constant, finding.offset()) : codebase.sources().declarationLine(javaClass),
                javaClass.getName());
    }

    /** Every module's migrations and every shared schema's, as R6 reads them: the folder name is the owner. */
    private void checkMigrations(Codebase codebase, List<Violation> violations) {
        PackageSet provisioning = codebase.configuration().identityStatementPackages();
        for (MigrationScript script : MigrationScript.in(codebase)) {
            String file = codebase.sources().relative(script.path());
            String sql = script.sql();
            Optional<String> schema = script.ownSchemas().stream().sorted().findFirst();
            for (IdentityStatements.Finding finding : IdentityStatements.inMigration(sql, script.ownSchemas())) {
                violations.add(violation(finding, "the migration ", script.owner(), schema, provisioning,
                        Location.of(file, lineOf(sql, finding.offset()), file)));
            }
        }
    }

    private Violation violation(IdentityStatements.Finding finding, String actor, String sender, Optional<String> ownSchema,
            PackageSet provisioning, Location location) {
        return new Violation(id(), location, sender + " → database identity", finding.excerpt(),
                actor + finding.kind().description() + " (\"" + finding.excerpt() + "\")",
                advice(finding.kind(), sender, ownSchema, provisioning));
    }

    /**
     * How many lines below the constant's first non-blank line a finding is: a text block keeps its
     * lines in the source, so a statement on its third line is two lines below where it starts.
     */
    private static int linesDown(String constant, int offset) {
        int firstNonBlank = constant.length() - constant.stripLeading().length();
        return lineOf(constant, offset) - lineOf(constant, firstNonBlank);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
